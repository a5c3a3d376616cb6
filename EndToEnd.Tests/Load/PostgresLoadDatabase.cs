using Npgsql;
using YieldDeps.EndToEnd.Tests.Infrastructure;

namespace YieldDeps.EndToEnd.Tests.Load;

/// <summary>
/// The PostgreSQL database named by <see cref="PostgresServer.Variable"/>. The app's pool keeps no idle connection for long
/// (minimum size 0, idle connections pruned after two seconds), so once the load is over every session the app
/// opened must go away, and none may be left <c>idle in transaction</c>.
/// </summary>
public sealed class PostgresLoadDatabase(string connectionString) : ILoadDatabase
{
    /// <summary>The application name of the app's sessions, by which the faults pick them.</summary>
    public const string ApplicationName = "yielddeps-load-app";

    public string Name => "postgres";

    public string AppConnectionString => new NpgsqlConnectionStringBuilder(connectionString)
    {
        ApplicationName = ApplicationName,
        MinPoolSize = 0,
        MaxPoolSize = 40,
        ConnectionIdleLifetime = 2,
        ConnectionPruningInterval = 1,
    }.ToString();

    /// <summary>
    /// Starts from empty tables. A deferred trigger makes every commit of a row wait 5 ms on the server (as a
    /// synchronous standby would), so that sessions terminated at random are often terminated while committing.
    /// </summary>
    public async Task ResetAsync() => await ExecuteAsync(
        """
        DROP TABLE IF EXISTS load_rows;
        DROP TABLE IF EXISTS load_commit_markers;
        CREATE TABLE load_rows (id TEXT PRIMARY KEY);
        CREATE OR REPLACE FUNCTION load_slow_commit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_sleep(0.005); RETURN NULL; END $$;
        CREATE CONSTRAINT TRIGGER load_slow_commit AFTER INSERT ON load_rows DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION load_slow_commit();
        """);

    public async Task<IReadOnlySet<string>> RowIdsAsync(string prefix)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand("SELECT id FROM load_rows WHERE starts_with(id, @prefix)", connection);
        command.Parameters.AddWithValue("prefix", prefix);
        return await LoadRowIds.ReadAsync(command);
    }

    /// <summary>
    /// Sessions of the app <c>idle in transaction</c> now, plus the app's sessions still open once its pool has had
    /// the time to drop its idle connections (its idle size is then zero). Sessions that outlive the pruning are
    /// printed, and the app is asked to clear its pool's idle connections: only those it still holds then count.
    /// </summary>
    public async Task<int> LeakedAsync(HttpClient app)
    {
        var idleInTransaction = await AppSessionsAsync("AND state LIKE 'idle in transaction%'");
        var open = await OpenAfterAsync(TimeSpan.FromSeconds(30), "the app's pool to drop its idle connections");
        if (open > 0)
        {
            Console.WriteLine($"load: sessions of the app open after the pool's pruning: {await DescribeAppSessionsAsync()}");
            using (var clear = await app.PostAsync("api/pool/clear", content: null))
            {
                clear.EnsureSuccessStatusCode();
            }

            open = await OpenAfterAsync(TimeSpan.FromSeconds(10), "the app's cleared pool to close its idle connections");
        }

        if (idleInTransaction + open > 0)
        {
            Console.WriteLine($"load: sessions of the app left open: {await DescribeAppSessionsAsync()}");
        }

        return idleInTransaction + open;
    }

    private async Task<int> OpenAfterAsync(TimeSpan wait, string what)
    {
        try
        {
            return await Eventually.WaitForAsync(() => AppSessionsAsync(""), count => count == 0, what, wait);
        }
        catch (TimeoutException)
        {
            return await AppSessionsAsync("");
        }
    }

    private async Task<string> DescribeAppSessionsAsync()
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT string_agg(format('pid=%s state=%s since=%s backend_start=%s query=%s', pid, state, state_change, backend_start, left(query, 60)), '; ')
            FROM pg_stat_activity WHERE datname = current_database() AND application_name = @app
            """, connection);
        command.Parameters.AddWithValue("app", ApplicationName);
        return (await command.ExecuteScalarAsync())?.ToString() ?? "none";
    }

    public ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        return ValueTask.CompletedTask;
    }

    private async Task<int> AppSessionsAsync(string condition)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(
            $"SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() AND application_name = @app {condition}", connection);
        command.Parameters.AddWithValue("app", ApplicationName);
        return Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ToString());
        await connection.OpenAsync();
        return connection;
    }
}
