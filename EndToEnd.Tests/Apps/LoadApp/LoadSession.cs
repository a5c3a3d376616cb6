using System.Data.Common;
using YieldDeps;

namespace LoadApp;

/// <summary>
/// The invocation's transaction. After the body succeeded it commits, unless the request asked for a failing commit
/// (fault <c>commit</c>): then the teardown throws before committing, and the transaction is rolled back. Before
/// committing it writes a commit marker in the transaction; when the commit throws (its session was terminated, the
/// server restarted), the marker read on a fresh connection says whether it committed: found, the invocation
/// succeeds; not found, it fails; no answer, it answers 503 and counts as unknown. Every enter and exit is counted,
/// and the outcome is journaled once the transaction is over.
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

                var marker = Guid.NewGuid().ToString("N");
                await Execute(connection, transaction, "INSERT INTO load_commit_markers (id) VALUES (@id)", marker, outcome.TeardownToken);
                try
                {
                    await transaction.CommitAsync(outcome.TeardownToken);
                }
                catch (Exception failure) when (failure is DbException or IOException or TimeoutException or InvalidOperationException)
                {
                    // The outcome is unknown: the session may have died after the server committed.
                    switch (await database.MarkerExistsAsync(marker))
                    {
                        case true:
                            counters.Verified(committed: true);
                            break;
                        case false:
                            counters.Verified(committed: false);
                            throw;
                        default:
                            counters.Unknown();
                            throw new HttpProblemException(503, "Could not confirm whether the row was saved.", failure);
                    }
                }

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

    public Task InsertAsync(string id, CancellationToken cancellationToken) =>
        Execute(connection, transaction, "INSERT INTO load_rows (id) VALUES (@id)", id, cancellationToken);

    private static async Task Execute(DbConnection connection, DbTransaction transaction, string sql, string id, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@id";
        parameter.Value = id;
        command.Parameters.Add(parameter);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
