using Microsoft.EntityFrameworkCore;

namespace YieldDeps.EntityFrameworkCore.Tests.Infrastructure;

/// <summary>A SQLite database file of its own, deleted at the end.</summary>
public sealed class SqliteTestDatabase : TestDatabase
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"yielddeps-ef-{Guid.NewGuid():N}.db");

    public static async Task<SqliteTestDatabase> CreateAsync()
    {
        var database = new SqliteTestDatabase();
        await database.CreateSchemaAsync();
        return database;
    }

    public override void Configure(DbContextOptionsBuilder options, bool retryOnFailure = false)
    {
        if (retryOnFailure)
        {
            throw new NotSupportedException("SQLite's provider has no retrying execution strategy; the retrying tests run on PostgreSQL.");
        }

        options.UseSqlite(ConnectionString);
    }

    /// <summary>The connection string of this database file.</summary>
    public string ConnectionString => $"Data Source={_path};Pooling=False";

    public override ValueTask DisposeAsync()
    {
        File.Delete(_path);
        return ValueTask.CompletedTask;
    }
}
