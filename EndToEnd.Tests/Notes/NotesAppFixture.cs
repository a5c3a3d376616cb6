using Microsoft.Data.Sqlite;
using YieldDeps.EndToEnd.Tests.Infrastructure;
using YieldDeps.Testing;

namespace YieldDeps.EndToEnd.Tests.Notes;

/// <summary>Apps/NotesApp (built-in HttpRequestData model, ConfigureFunctionsWorkerDefaults) under LocalHost, on its own SQLite file.</summary>
public sealed class NotesAppFixture : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("yielddeps-notes-").FullName;
    private LocalFunctionsHost? _host;

    public LocalFunctionsHost Host => _host ?? throw new InvalidOperationException("The fixture has not started.");

    public HttpClient Client => Host.Client;

    public string ConnectionString => new SqliteConnectionStringBuilder
    {
        DataSource = Path.Combine(_folder, "notes.db"),
        Pooling = false,
        DefaultTimeout = 30,
    }.ToString();

    public async Task InitializeAsync() =>
        _host = await LocalFunctionsHost.StartAsync(RepositoryPaths.ProbeApp("NotesApp"), new Dictionary<string, string> { ["NotesDb"] = ConnectionString });

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        Directory.Delete(_folder, recursive: true);
    }

    public IReadOnlyList<string> Notes()
    {
        using var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT text FROM notes ORDER BY id";
        using var reader = command.ExecuteReader();
        var notes = new List<string>();
        while (reader.Read())
        {
            notes.Add(reader.GetString(0));
        }

        return notes;
    }
}

[CollectionDefinition(Name)]
public sealed class NotesAppCollection : ICollectionFixture<NotesAppFixture>
{
    public const string Name = "NotesApp";
}
