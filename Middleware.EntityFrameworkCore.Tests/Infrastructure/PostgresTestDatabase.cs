using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace YieldDeps.EntityFrameworkCore.Tests.Infrastructure;

/// <summary>
/// A PostgreSQL database of its own, created on the server named by <see cref="PostgresServer.Variable"/> and dropped at the end.
/// </summary>
public sealed class PostgresTestDatabase : TestDatabase
{
    private readonly string _server;
    private readonly string _name = $"yielddeps_ef_{Guid.NewGuid():N}";

    private PostgresTestDatabase(string server)
    {
        _server = server;
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = _name }.ToString();
    }

    public string ConnectionString { get; }

    public static async Task<PostgresTestDatabase> CreateAsync()
    {
        var server = PostgresServer.RequireConnectionString();
        var database = new PostgresTestDatabase(server);
        await database.ExecuteOnServerAsync($"CREATE DATABASE {database._name}");
        await database.CreateSchemaAsync();
        return database;
    }

    public override void Configure(DbContextOptionsBuilder options, bool retryOnFailure = false) =>
        options.UseNpgsql(ConnectionString, npgsql =>
        {
            if (retryOnFailure)
            {
                npgsql.EnableRetryOnFailure(maxRetryCount: 3, maxRetryDelay: TimeSpan.FromMilliseconds(50), errorCodesToAdd: null);
            }
        });

    public override async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)");
    }

    /// <summary>Terminates the session with the backend process id <paramref name="pid"/> (<c>pg_terminate_backend</c>) and waits until it is gone.</summary>
    public async Task TerminateAsync(int pid)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT pg_terminate_backend(@pid, 5000)", connection);
        command.Parameters.AddWithValue("pid", pid);
        Assert.Equal(true, await command.ExecuteScalarAsync());
    }

    /// <summary>Counts the sessions of this database left <c>idle in transaction</c>.</summary>
    public async Task<long> IdleInTransactionAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND state LIKE 'idle in transaction%'", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private async Task ExecuteOnServerAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
