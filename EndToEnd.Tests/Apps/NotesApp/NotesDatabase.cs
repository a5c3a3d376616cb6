using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using YieldDeps;

namespace NotesApp;

public sealed class NotesDatabase(string connectionString)
{
    public static async IAsyncEnumerable<NotesSession> Session(NotesDatabase database, InvocationOutcome outcome, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        yield return new NotesSession(connection, transaction);
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

public sealed class NotesSession(SqliteConnection connection, SqliteTransaction transaction)
{
    public async Task<long> AddAsync(string text, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO notes (text) VALUES ($text) RETURNING id";
        command.Parameters.AddWithValue("$text", text);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public async Task<List<string>> AllAsync(CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT text FROM notes ORDER BY id";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var notes = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            notes.Add(reader.GetString(0));
        }

        return notes;
    }
}

public sealed class Unregistered;

public sealed class Misconfigured
{
    public static Misconfigured NeedsUnregistered(Unregistered missing) => new();
}
