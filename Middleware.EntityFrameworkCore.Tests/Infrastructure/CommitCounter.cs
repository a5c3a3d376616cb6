using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace YieldDeps.EntityFrameworkCore.Tests.Infrastructure;

/// <summary>Counts the commits EF Core reports for the contexts it is added to.</summary>
public sealed class CommitCounter : DbTransactionInterceptor
{
    private int _commits;

    public int Commits => _commits;

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _commits);
        return Task.CompletedTask;
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Interlocked.Increment(ref _commits);
}
