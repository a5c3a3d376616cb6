using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace LoadApp;

/// <summary>
/// The database of the load test: PostgreSQL when the connection string names a host, SQLite otherwise. One table,
/// one row per committed invocation, keyed by the id the client chose.
/// </summary>
public sealed class LoadDatabase(string connectionString)
{
    private readonly NpgsqlDataSource? _postgres = IsPostgres(connectionString) ? NpgsqlDataSource.Create(connectionString) : null;

    public bool Postgres => _postgres is not null;

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (_postgres is not null)
        {
            return await _postgres.OpenConnectionAsync(cancellationToken);
        }

        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);

            // Concurrent invocations write to one file: wait for the lock instead of failing at once.
            await using var pragma = connection.CreateCommand();
            pragma.CommandText = "PRAGMA busy_timeout = 30000;";
            await pragma.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Begins the invocation's write transaction; on SQLite it takes the write lock at once.</summary>
    public async Task<DbTransaction> BeginAsync(DbConnection connection, CancellationToken cancellationToken) =>
        connection is SqliteConnection sqlite
            ? sqlite.BeginTransaction(deferred: false)
            : await connection.BeginTransactionAsync(cancellationToken);

    public async Task EnsureCreatedAsync()
    {
        await using var connection = await OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = Postgres
            ? "CREATE TABLE IF NOT EXISTS load_rows (id TEXT PRIMARY KEY)"
            : "PRAGMA journal_mode = WAL; CREATE TABLE IF NOT EXISTS load_rows (id TEXT PRIMARY KEY)";
        await command.ExecuteNonQueryAsync();
    }

    private static bool IsPostgres(string connectionString) =>
        connectionString.Contains("Host=", StringComparison.OrdinalIgnoreCase);
}
