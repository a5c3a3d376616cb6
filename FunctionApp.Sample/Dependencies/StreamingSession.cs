using System.Runtime.CompilerServices;
using FunctionApp.Sample.Data;
using YieldDeps;

namespace FunctionApp.Sample.Dependencies;

/// <summary>
/// Commit before the response, release after the stream: a request-scoped connection (registered with
/// <c>o.Scope = DependencyScope.Request</c>) and a function-scoped transaction on it.
/// </summary>
public static class StreamingSession
{
    #region request-scoped-connection
    /// <summary>Open until the response's last byte is written: a streamed result reads its rows from it.</summary>
    public static async IAsyncEnumerable<StreamConnection> OpenConnection(
        SampleDatabase database, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var connection = await database.OpenAsync(cancellationToken);
        var streaming = new StreamConnection(connection);
        database.StreamingConnections.Opened();
        try
        {
            yield return streaming;
        }
        finally
        {
            await connection.DisposeAsync();
            database.StreamingConnections.Released(streaming.RowsStreamed);
        }
    }
    #endregion

    #region function-scoped-transaction
    /// <summary>Ends with the function: committed (or rolled back) before the response starts.</summary>
    public static async IAsyncEnumerable<StreamTransaction> BeginTransaction(
        StreamConnection connection, SampleDatabase database, InvocationOutcome outcome, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var transaction = await database.BeginAsync(connection.Connection, forWriting: true, cancellationToken);
        yield return new StreamTransaction(connection, transaction);
        await transaction.CommitAsync(outcome.TeardownToken);
    }
    #endregion
}
