using Microsoft.Data.Sqlite;

namespace StreamingApp;

/// <summary>The SQLite file: five items to export, and one row per export that committed.</summary>
public sealed class ExportDatabase(string connectionString)
{
    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    public async Task EnsureCreatedAsync()
    {
        await using var connection = await OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            CREATE TABLE IF NOT EXISTS items (n INTEGER PRIMARY KEY);
            INSERT OR IGNORE INTO items (n) VALUES (1), (2), (3), (4), (5);
            CREATE TABLE IF NOT EXISTS exports (id INTEGER PRIMARY KEY AUTOINCREMENT, tag TEXT NOT NULL);
            """;
        await command.ExecuteNonQueryAsync();
    }
}
