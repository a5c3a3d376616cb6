namespace YieldDeps.Testing;

/// <summary>How a <see cref="DependencyRun{T}"/> ended: what its teardown saw and did.</summary>
public sealed class DependencyRunResult
{
    internal DependencyRunResult(InvocationOutcome outcome, Exception? exception)
    {
        Outcome = outcome;
        Exception = exception;
    }

    /// <summary>Gets the outcome the dependency saw during its teardown (and after it).</summary>
    public InvocationOutcome Outcome { get; }

    /// <summary>Gets how the invocation would end: succeeded, faulted or cancelled, after every teardown ran.</summary>
    public OutcomeStatus Status => Outcome.Status;

    /// <summary>
    /// Gets the exception the invocation would end with, <see langword="null"/> when it succeeded: the failure the
    /// run was finished with, a teardown failure (a commit that threw), a <see cref="DependencyYieldException"/> for
    /// an iterator that yielded twice, or a <see cref="ResultCountedAsFailureException"/> when a <c>FailWhen</c> rule
    /// counted the result as a failure.
    /// </summary>
    public Exception? Exception { get; }

    /// <summary>Gets the teardown failures that were attached to the exception in flight instead of replacing it.</summary>
    public IReadOnlyList<DependencyTeardownException> CleanupFailures => Outcome.CleanupFailures;
}
