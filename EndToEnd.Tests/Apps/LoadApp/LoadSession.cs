using System.Data.Common;
using YieldDeps;

namespace LoadApp;

/// <summary>
/// The invocation's transaction. After the body succeeded it commits, unless the request asked for a failing commit
/// (fault <c>commit</c>): then the teardown throws before committing, and the transaction is rolled back. Every
/// enter and exit is counted, and the outcome is journaled once the transaction is over.
/// </summary>
public sealed class LoadSession(DbConnection connection, DbTransaction transaction)
{
    public static async IAsyncEnumerable<LoadSession> Open(
        LoadDatabase database, LoadCounters counters, LoadJournal journal, string id, string fault, InvocationOutcome outcome)
    {
        counters.Enter();
        var committed = false;
        try
        {
            var connection = await database.OpenAsync(CancellationToken.None);
            counters.ConnectionOpened();
            try
            {
                await using var transaction = await database.BeginAsync(connection, CancellationToken.None);
                yield return new LoadSession(connection, transaction);
                if (fault == "commit")
                {
                    throw new InvalidOperationException($"Injected commit failure for {id}.");
                }

                await transaction.CommitAsync(outcome.TeardownToken);
                committed = true;
            }
            finally
            {
                await connection.DisposeAsync();
                counters.ConnectionClosed();
            }
        }
        finally
        {
            journal.Record(id, committed);
            counters.Exit();
        }
    }

    public async Task InsertAsync(string id, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO load_rows (id) VALUES (@id)";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@id";
        parameter.Value = id;
        command.Parameters.Add(parameter);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
