namespace YieldDeps.Engine;

/// <summary>
/// How long each teardown step may take, and the clock that measures it: one per catalog, shared by its invocations,
/// so an invocation's outcome carries a single reference for both.
/// </summary>
internal sealed class TeardownBudget(TimeSpan perStep, TimeProvider time)
{
    /// <summary>Gets the time each step may take; <see cref="Timeout.InfiniteTimeSpan"/> for no limit.</summary>
    public TimeSpan PerStep { get; } = perStep;

    /// <summary>Gets the clock the budget is measured on.</summary>
    public TimeProvider Time { get; } = time;
}
