using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using YieldDeps;

namespace ConsumerApp;

public sealed record Session(SqliteConnection Connection, SqliteTransaction Transaction);

public sealed class NotesDatabase(string connectionString)
{
    public static void Register(DependencyRegistry deps) => deps.Add(Open);

    public static async IAsyncEnumerable<Session> Open(NotesDatabase database, InvocationOutcome outcome, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction();
        yield return new Session(connection, transaction);
        await transaction.CommitAsync(outcome.TeardownToken);
    }

    public string ConnectionString { get; } = connectionString;

    public async Task EnsureCreatedAsync()
    {
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "CREATE TABLE IF NOT EXISTS notes (id INTEGER PRIMARY KEY AUTOINCREMENT, text TEXT NOT NULL)";
        await command.ExecuteNonQueryAsync();
    }
}
