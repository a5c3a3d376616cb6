namespace YieldDeps;

/// <summary>
/// The lists an <see cref="InvocationOutcome"/> holds only for some invocations (cleanup failures, actions to run
/// before the body), created on first use so that the outcome of the common invocation stays small.
/// </summary>
internal sealed class OutcomeLists
{
    public List<DependencyTeardownException>? CleanupFailures { get; set; }

    public List<Action>? BeforeBody { get; set; }
}
