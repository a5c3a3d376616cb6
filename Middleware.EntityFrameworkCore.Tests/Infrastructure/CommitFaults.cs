using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace YieldDeps.EntityFrameworkCore.Tests.Infrastructure;

/// <summary>Where a commit fails, as a client sees a connection break while <c>COMMIT</c> is in flight.</summary>
public enum CommitFault
{
    /// <summary>The commit happened on the server; the client gets an exception instead of its answer.</summary>
    AfterCommitting,

    /// <summary>The commit never reaches the server; the client gets an exception.</summary>
    InsteadOfCommitting,
}

/// <summary>
/// Fails the commits of the contexts it is added to (see <see cref="CommitFault"/>), optionally first running
/// <see cref="BeforeFailing"/> on the transaction's connection (to terminate its server session); with
/// <see cref="RefuseConnectionsAfterFault"/>, every connection opened after the fault fails, so a check of the outcome
/// on a fresh connection fails too.
/// </summary>
public sealed class CommitFaults(CommitFault fault) : IDbTransactionInterceptor, IDbConnectionInterceptor
{
    private int _faults;

    public int Faults => _faults;

    public bool RefuseConnectionsAfterFault { get; init; }

    public Func<DbConnection, Task>? BeforeFailing { get; init; }

    public async ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        if (fault == CommitFault.InsteadOfCommitting)
        {
            if (BeforeFailing is { } before)
            {
                // The session is gone before COMMIT is sent: let the real commit meet the real broken connection.
                await before(eventData.Context!.Database.GetDbConnection());
                Interlocked.Increment(ref _faults);
                return result;
            }

            throw Fail();
        }

        return result;
    }

    public async Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (fault == CommitFault.AfterCommitting)
        {
            if (BeforeFailing is { } before)
            {
                await before(eventData.Context!.Database.GetDbConnection());
            }

            throw Fail();
        }
    }

    public ValueTask<InterceptionResult> ConnectionOpeningAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default) =>
        RefuseConnectionsAfterFault && Volatile.Read(ref _faults) > 0
            ? throw new InvalidOperationException("Injected: the database refuses connections.")
            : ValueTask.FromResult(result);

    private InvalidOperationException Fail()
    {
        Interlocked.Increment(ref _faults);
        return new InvalidOperationException("Injected: the connection broke while the commit was in flight.");
    }
}
