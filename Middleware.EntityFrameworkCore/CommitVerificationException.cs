namespace YieldDeps.EntityFrameworkCore;

/// <summary>
/// The commit of a unit of work failed in a way that leaves its outcome open (the connection broke while the commit
/// was in flight), and checking its commit marker on a fresh connection failed too, so nobody can say whether the
/// data was committed. On an HTTP trigger it answers 503 problem+json; the invocation fails, and a caller that
/// retries must expect that the first attempt may have committed (make the operation idempotent, or read before
/// writing again).
/// </summary>
public sealed class CommitVerificationException : HttpProblemException
{
    /// <summary>Initializes a new instance of the <see cref="CommitVerificationException"/> class.</summary>
    /// <param name="unitOfWork">The name of the unit of work.</param>
    /// <param name="commitFailure">What the commit threw.</param>
    /// <param name="verificationFailure">What the last check of the marker threw.</param>
    public CommitVerificationException(string unitOfWork, Exception commitFailure, Exception? verificationFailure)
        : base(503, "The database could not confirm whether the change was saved; check before retrying.", commitFailure)
    {
        UnitOfWork = unitOfWork;
        VerificationFailure = verificationFailure;
    }

    /// <summary>Gets the name of the unit of work whose commit is unknown.</summary>
    public string UnitOfWork { get; }

    /// <summary>Gets what the last check of the commit marker threw, if it threw.</summary>
    public Exception? VerificationFailure { get; }
}
