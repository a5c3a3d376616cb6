using Microsoft.Data.Sqlite;
using ProbeShared;
using YieldDeps;

namespace StreamingApp;

/// <summary>
/// A write transaction registered with the request scope: it commits only after the whole response was written, and
/// rolls back when the client hangs up mid-stream.
/// </summary>
public sealed class ExportSession(SqliteConnection connection, SqliteTransaction transaction)
{
    public bool IsOpen { get; private set; } = true;

    public static async IAsyncEnumerable<ExportSession> Open(ExportDatabase database, ProbeEvents events, string tag, InvocationOutcome outcome)
    {
        await using var connection = await database.OpenAsync(CancellationToken.None);
        await using var transaction = connection.BeginTransaction(deferred: false);
        var session = new ExportSession(connection, transaction);
        events.Record($"session-open:{tag}");
        try
        {
            yield return session;
            await transaction.CommitAsync(outcome.TeardownToken);
            events.Record($"session-commit:{tag}");
        }
        finally
        {
            session.IsOpen = false;
            events.Record($"session-closed:{tag}:{outcome.Status}");
        }
    }

    public SqliteCommand Command(string sql, params (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command;
    }
}
