using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace LoadApp;

/// <summary>
/// The database of the load test: PostgreSQL when the connection string names a host, SQLite otherwise. One table,
/// one row per committed invocation, keyed by the id the client chose, and the commit markers the sessions write.
/// The markers are left in place (the test starts from an empty database); an app would delete them by age.
/// </summary>
public sealed class LoadDatabase(string connectionString)
{
    private static readonly TimeSpan VerificationTimeout = TimeSpan.FromSeconds(10);

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

    /// <summary>
    /// Looks for a commit marker on a new connection of its own (not from the pool, which may hold connections broken
    /// by the same failure), retrying with growing pauses for <see cref="VerificationTimeout"/>: a restarting server
    /// refuses connections for a while.
    /// </summary>
    /// <returns>Whether the marker is there, or <see langword="null"/> when the database did not answer in time.</returns>
    public async Task<bool?> MarkerExistsAsync(string marker)
    {
        var deadline = DateTime.UtcNow + VerificationTimeout;
        for (var pause = 50; ; pause = Math.Min(pause * 2, 1000))
        {
            try
            {
                await using DbConnection connection = _postgres is not null
                    ? new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ToString())
                    : new SqliteConnection(connectionString);
                await connection.OpenAsync();
                await using var command = connection.CreateCommand();
                command.CommandText = "SELECT COUNT(*) FROM load_commit_markers WHERE id = @id";
                var parameter = command.CreateParameter();
                parameter.ParameterName = "@id";
                parameter.Value = marker;
                command.Parameters.Add(parameter);
                return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture) > 0;
            }
            catch (Exception e) when (e is DbException or IOException or TimeoutException && DateTime.UtcNow < deadline)
            {
                await Task.Delay(pause);
            }
            catch (Exception e) when (e is DbException or IOException or TimeoutException)
            {
                return null;
            }
        }
    }

    /// <summary>Closes the idle connections of the PostgreSQL pool; those in use are closed when they come back.</summary>
    public void ClearPool() => _postgres?.Clear();

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
            ? "CREATE TABLE IF NOT EXISTS load_rows (id TEXT PRIMARY KEY); CREATE TABLE IF NOT EXISTS load_commit_markers (id TEXT PRIMARY KEY)"
            : "PRAGMA journal_mode = WAL; CREATE TABLE IF NOT EXISTS load_rows (id TEXT PRIMARY KEY); CREATE TABLE IF NOT EXISTS load_commit_markers (id TEXT PRIMARY KEY)";
        await command.ExecuteNonQueryAsync();
    }

    private static bool IsPostgres(string connectionString) =>
        connectionString.Contains("Host=", StringComparison.OrdinalIgnoreCase);
}
