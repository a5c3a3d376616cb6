using Microsoft.Data.Sqlite;
using YieldDeps.EndToEnd.Tests.Infrastructure;

namespace YieldDeps.EndToEnd.Tests.Streaming;

/// <summary>
/// Apps/StreamingApp (ASP.NET Core integration, a request-scoped SQLite session) under LocalHost. The app records
/// what its dependencies and streams did in <see cref="EventsFile"/>; the tests read its database directly.
/// </summary>
public sealed class StreamingAppFixture : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("yielddeps-streaming-").FullName;
    private LocalHostProcess? _host;

    public LocalHostProcess Host => _host ?? throw new InvalidOperationException("The fixture has not started.");

    public HttpClient Client => Host.Client;

    public string EventsFile => Path.Combine(_folder, "events.log");

    private string ConnectionString => new SqliteConnectionStringBuilder
    {
        DataSource = Path.Combine(_folder, "exports.db"),
        Pooling = false,
        DefaultTimeout = 30,
    }.ToString();

    public async Task InitializeAsync() =>
        _host = await LocalHostProcess.StartAsync(
            RepositoryPaths.ProbeApp("StreamingApp"),
            new Dictionary<string, string> { ["ExportDb"] = ConnectionString, ["PROBE_EVENTS_FILE"] = EventsFile });

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        Directory.Delete(_folder, recursive: true);
    }

    public IReadOnlyList<string> Events()
    {
        if (!File.Exists(EventsFile))
        {
            return [];
        }

        using var stream = new FileStream(EventsFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    public Task WaitForEventAsync(string line) =>
        Eventually.WaitForAsync(() => Events().Contains(line), $"event '{line}' (events: {string.Join(", ", Events())})");

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
