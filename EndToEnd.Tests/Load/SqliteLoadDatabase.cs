using Microsoft.Data.Sqlite;

namespace YieldDeps.EndToEnd.Tests.Load;

/// <summary>A SQLite file in a temporary folder.</summary>
public sealed class SqliteLoadDatabase : ILoadDatabase
{
    private readonly string _folder = Directory.CreateTempSubdirectory("yielddeps-load-").FullName;

    public string Name => "sqlite";

    public string AppConnectionString => new SqliteConnectionStringBuilder
    {
        DataSource = Path.Combine(_folder, "load.db"),
        Pooling = false,
        DefaultTimeout = 30,
    }.ToString();

    public Task ResetAsync() => Task.CompletedTask;

    public async Task<IReadOnlySet<string>> RowIdsAsync(string prefix)
    {
        await using var connection = new SqliteConnection(AppConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id FROM load_rows WHERE substr(id, 1, length($prefix)) = $prefix";
        command.Parameters.AddWithValue("$prefix", prefix);
        return await LoadRowIds.ReadAsync(command);
    }

    /// <summary>
    /// Opens the file and takes an IMMEDIATE transaction at once (no busy wait): that only succeeds when no
    /// transaction of the app still holds the write lock.
    /// </summary>
    public async Task<int> LeakedAsync(HttpClient app)
    {
        var builder = new SqliteConnectionStringBuilder(AppConnectionString) { DefaultTimeout = 0 };
        await using var connection = new SqliteConnection(builder.ToString());
        await connection.OpenAsync();
        try
        {
            await using var transaction = connection.BeginTransaction(deferred: false);
            await transaction.RollbackAsync();
            return 0;
        }
        catch (SqliteException e) when (e.SqliteErrorCode is 5 or 6)
        {
            return 1;
        }
    }

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        return ValueTask.CompletedTask;
    }
}
