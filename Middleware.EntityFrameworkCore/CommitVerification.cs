namespace YieldDeps.EntityFrameworkCore;

/// <summary>
/// One commit of an invocation that failed with its outcome unknown and was checked
/// (<see cref="DbContextUnitOfWorkOptions.VerifyCommit"/>): which unit of work, and what the check found. Read with
/// <see cref="CommitVerificationOutcomeExtensions.GetCommitVerifications"/>.
/// </summary>
public sealed class CommitVerification
{
    internal CommitVerification(string unitOfWork, CommitVerdict verdict)
    {
        UnitOfWork = unitOfWork;
        Verdict = verdict;
    }

    /// <summary>Gets the name of the unit of work (<see cref="DbContextUnitOfWorkOptions.Name"/>).</summary>
    public string UnitOfWork { get; }

    /// <summary>Gets what the check found.</summary>
    public CommitVerdict Verdict { get; }
}
