using System.Runtime.CompilerServices;
using FunctionApp.Sample.Data;
using YieldDeps;

namespace FunctionApp.Sample.Dependencies;

public static class DatabaseSession
{
    /// <summary>
    /// One transaction per invocation. The commit after <c>yield return</c> runs only when the function succeeded;
    /// when it failed, the iterator is disposed instead, and <c>await using</c> rolls the transaction back.
    /// </summary>
    public static async IAsyncEnumerable<DbSession> Open(SampleDatabase database, InvocationOutcome outcome, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await database.BeginAsync(connection, forWriting: true, cancellationToken);
        yield return new DbSession(connection, transaction);
        await transaction.CommitAsync(outcome.TeardownToken);
    }

    /// <summary>
    /// A session for functions that only read: its transaction is deferred, so it takes no write lock and a slow
    /// reader never stalls the writers. Nothing is written, so there is nothing to commit.
    /// </summary>
    public static async IAsyncEnumerable<ReadSession> OpenForReading(SampleDatabase database, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await database.BeginAsync(connection, forWriting: false, cancellationToken);
        yield return new ReadSession(new DbSession(connection, transaction));
    }
}
