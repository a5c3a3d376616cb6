using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace YieldDeps.EntityFrameworkCore;

/// <summary>
/// Marks the current execution context as running inside an execution strategy, through the setter of
/// <see cref="ExecutionStrategy.Current"/> that only derived classes reach: EF Core then runs every nested operation
/// once, without retrying and without refusing the unit of work's transaction, exactly as it does for the operations
/// inside <c>strategy.ExecuteAsync(...)</c>. Never instantiated.
/// </summary>
internal sealed class ExecutionStrategySuspension : ExecutionStrategy
{
    private ExecutionStrategySuspension(DbContext context)
        : base(context, 0, TimeSpan.Zero)
    {
    }

    /// <summary>Runs the rest of the current execution context (the function body and the teardowns) as inside <paramref name="strategy"/>.</summary>
    /// <param name="strategy">The context's own strategy.</param>
    public static void Suspend(ExecutionStrategy strategy) => Current = strategy;

    protected override bool ShouldRetryOn(Exception exception) => false;
}
