namespace YieldDeps.EntityFrameworkCore;

/// <summary>
/// What checking the commit marker of a failed commit found (<see cref="DbContextUnitOfWorkOptions.VerifyCommit"/>).
/// </summary>
public enum CommitVerdict
{
    /// <summary>The marker is there: the transaction committed, only its answer was lost.</summary>
    Committed,

    /// <summary>The marker is not there: the transaction did not commit.</summary>
    NotCommitted,

    /// <summary>The check failed too: nobody knows.</summary>
    Unknown,
}
