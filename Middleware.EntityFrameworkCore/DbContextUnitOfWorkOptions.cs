using System.Data;
using Microsoft.EntityFrameworkCore;

namespace YieldDeps.EntityFrameworkCore;

/// <summary>Options of one unit of work registered with <see cref="DbContextUnitOfWorkExtensions.AddDbContextUnitOfWork{TContext}"/>.</summary>
public sealed class DbContextUnitOfWorkOptions
{
    /// <summary>Gets or sets the isolation level of the transaction.</summary>
    /// <value><see langword="null"/>: the provider's default (read committed on PostgreSQL, serializable on SQLite).</value>
    public IsolationLevel? IsolationLevel { get; set; }

    /// <summary>
    /// Gets or sets a value indicating whether the unit of work calls <c>SaveChangesAsync</c> after a successful
    /// function, before it commits.
    /// </summary>
    /// <value><see langword="true"/>. When <see langword="false"/>, only what the function saved itself is committed; unsaved changes are dropped.</value>
    public bool SaveChanges { get; set; } = true;

    /// <summary>
    /// Gets or sets how a failed save answers an HTTP trigger: the <see cref="HttpProblemException"/> it returns
    /// replaces the <see cref="DbUpdateException"/> (after the rollback), so the response is that problem; when it
    /// returns <see langword="null"/>, the exception stays as it is (a generic 500). Other triggers always get the
    /// original exception, so their retries and poison queues work.
    /// </summary>
    /// <value>
    /// A 409 problem for a constraint violation (an error of SQL state class 23, as PostgreSQL and others report a
    /// unique, foreign key, not-null or check violation, or SQLite's <c>SQLITE_CONSTRAINT</c>) and for a
    /// <see cref="DbUpdateConcurrencyException"/>; <see langword="null"/> for anything else. Set it to
    /// <see langword="null"/> to keep every <see cref="DbUpdateException"/> as it is.
    /// </value>
    public Func<DbUpdateException, HttpProblemException?>? MapSaveFailure { get; set; } = SaveFailures.ConflictOrNull;

    /// <summary>
    /// Gets or sets a rule for this unit of work alone that counts a result the function produced without throwing
    /// as a failure, so the unit of work rolls back (the app-wide <see cref="DependencyRegistry.FailWhen"/> applies too).
    /// </summary>
    /// <value><see langword="null"/>: only the app-wide rule applies.</value>
    public Func<InvocationOutcome, bool>? FailWhen { get; set; }

    /// <summary>
    /// Gets or sets a value indicating whether a commit whose outcome is unknown is verified before the invocation
    /// answers. The unit of work then writes a marker row (<see cref="CommitMarkerModelBuilderExtensions.AddCommitMarkers"/>)
    /// in its transaction just before committing; when the commit throws (the connection broke while it was in flight),
    /// it looks for the marker on a fresh connection: found, the commit happened and the invocation succeeds; not found,
    /// it did not, and the invocation fails with the commit's exception; the check failing too (for
    /// <see cref="CommitVerificationTimeout"/>), the invocation fails with a <see cref="CommitVerificationException"/>
    /// (503 on HTTP). After a commit known to have happened, the marker is deleted again.
    /// </summary>
    /// <value><see langword="false"/>: a failed commit fails the invocation, whether or not the data was committed.</value>
    public bool VerifyCommit { get; set; }

    /// <summary>Gets or sets how long the unit of work keeps trying to read a commit marker (a restarting server refuses connections for a while).</summary>
    /// <value>10 seconds.</value>
    public TimeSpan CommitVerificationTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Gets or sets the name used in logs and error messages.</summary>
    /// <value><see langword="null"/>: <c>DbContextUnitOfWork&lt;TContext&gt;</c> with the context's type name.</value>
    public string? Name { get; set; }
}
