using System.Runtime.CompilerServices;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Data.Sqlite;

namespace YieldDeps.Tests.Fixtures;

/// <summary>A real SQLite database file in a temporary folder, with one table of notes.</summary>
public sealed class SqliteTestDatabase : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("yielddeps-tests-").FullName;

    public SqliteTestDatabase()
    {
        ConnectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(_folder, "test.db"),
            Pooling = false,
            DefaultTimeout = 30,
        }.ToString();
        using var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "CREATE TABLE notes (text TEXT NOT NULL)";
        command.ExecuteNonQuery();
    }

    public string ConnectionString { get; }

    public IReadOnlyList<string> Notes()
    {
        using var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT text FROM notes ORDER BY rowid";
        using var reader = command.ExecuteReader();
        var notes = new List<string>();
        while (reader.Read())
        {
            notes.Add(reader.GetString(0));
        }

        return notes;
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}

/// <summary>The invocation's connection and transaction.</summary>
public sealed class NotesSession(SqliteConnection connection, SqliteTransaction transaction)
{
    public async Task AddAsync(string text)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO notes (text) VALUES ($text)";
        command.Parameters.AddWithValue("$text", text);
        await command.ExecuteNonQueryAsync();
    }
}

public static class SqliteSession
{
    /// <summary>The README's pattern: commit after the yield runs only on success; `await using` rolls back otherwise.</summary>
    public static async IAsyncEnumerable<NotesSession> Open(SqliteTestDatabase database, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        yield return new NotesSession(connection, transaction);
        await transaction.CommitAsync(cancellationToken);
    }
}

public sealed class SqliteFunctions(Faults faults)
{
    public async Task Insert([QueueTrigger("notes")] string message, NotesSession session)
    {
        await session.AddAsync(message);
        if (faults.BodyFails)
        {
            throw new BodyFailedException();
        }
    }
}
