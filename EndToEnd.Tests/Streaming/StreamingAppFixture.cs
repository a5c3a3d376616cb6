using Microsoft.Data.Sqlite;
using YieldDeps.EndToEnd.Tests.Fixtures;

namespace YieldDeps.EndToEnd.Tests.Streaming;

/// <summary>
/// Apps/StreamingApp (ASP.NET Core integration, a request-scoped SQLite session) under LocalHost. The app records
/// what its dependencies and streams did as probe events; the tests also read its database directly.
/// </summary>
public sealed class StreamingAppFixture() : ProbeAppFixture("StreamingApp")
{
    private readonly string _folder = Directory.CreateTempSubdirectory("yielddeps-streaming-").FullName;

    protected override IReadOnlyDictionary<string, string> AppEnvironment => new Dictionary<string, string> { ["ExportDb"] = ConnectionString };

    private string ConnectionString => new SqliteConnectionStringBuilder
    {
        DataSource = Path.Combine(_folder, "exports.db"),
        Pooling = false,
        DefaultTimeout = 30,
    }.ToString();

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>Counts the exports of <paramref name="tag"/> that committed.</summary>
    public long CommittedExports(string tag)
    {
        using var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM exports WHERE tag = $tag";
        command.Parameters.AddWithValue("$tag", tag);
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>
    /// Takes SQLite's write lock and lets it go at once: this only succeeds when no transaction of the app is still
    /// open (the session begins its transactions immediate, holding that lock).
    /// </summary>
    public bool WriteLockIsFree()
    {
        var builder = new SqliteConnectionStringBuilder(ConnectionString) { DefaultTimeout = 2 };
        using var connection = new SqliteConnection(builder.ToString());
        connection.Open();
        try
        {
            using var transaction = connection.BeginTransaction(deferred: false);
            transaction.Rollback();
            return true;
        }
        catch (SqliteException e) when (e.SqliteErrorCode == 5)
        {
            return false;
        }
    }
}

[CollectionDefinition(Name)]
public sealed class StreamingAppCollection : ICollectionFixture<StreamingAppFixture>
{
    public const string Name = "StreamingApp";
}
