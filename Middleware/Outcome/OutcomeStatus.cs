namespace YieldDeps;

/// <summary>How an invocation ended, as seen by its dependencies' teardown.</summary>
public enum OutcomeStatus
{
    /// <summary>The function has not finished yet (setup or body still running).</summary>
    Pending = 0,

    /// <summary>The function and every teardown so far succeeded: yield dependencies are resumed (commit).</summary>
    Succeeded = 1,

    /// <summary>An exception is in flight: yield dependencies are disposed without being resumed (rollback).</summary>
    Faulted = 2,

    /// <summary>The invocation's cancellation token fired: treated as a failure (rollback).</summary>
    Cancelled = 3,
}
