using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using YieldDeps;
using YieldDeps.Testing;

namespace Quickstart.Tests;

/// <summary>
/// The quickstart unchanged (its static <c>Notes</c> class, <c>Db.Open</c> reading <c>IConfiguration</c>, the
/// registrations its Program.cs makes), tested with the kit on a SQLite file of its own, as an ASP.NET Core developer
/// tests a web app: one factory for the class, each test deriving the app it needs from it.
/// </summary>
[Collection(QuickstartAppCollection.Name)]
public sealed class NotesTests(FunctionsApplicationFactory<Db> factory) : IClassFixture<FunctionsApplicationFactory<Db>>, IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"quickstart-{Guid.NewGuid():N}.db");

    private string ConnectionString => new SqliteConnectionStringBuilder { DataSource = _file, Pooling = false }.ToString();

    public void Dispose() => File.Delete(_file);

    [Fact]
    public async Task AddNote_ThroughTheQuickstartsOwnProgram_Answers201_AndCommitsTheNote()
    {
        var connectionString = ConnectionString;

        #region readme-quickstart-test
        // Db is a public type of the app: the factory runs its assembly's Program.cs, in the test process.
        await using var app = factory.WithSetting("NotesDb", connectionString);
        using var client = app.CreateClient();

        using var response = await client.PostAsync("/api/notes", new StringContent("hello"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        #endregion
        Assert.Equal(["hello"], await NotesAsync());
    }

    [Fact]
    public void TheQuickstart_PassesTheStartupChecks_WithTheAppSettingsAsConfiguration()
    {
        #region readme-quickstart-startup-checks
        StartupChecks.Validate(typeof(Notes).Assembly, Db.Register);
        #endregion
    }

    [Fact]
    public async Task TheConnection_RollsTheInsertBack_WhenTheFunctionFails()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["NotesDb"] = ConnectionString }).Build();
        await using var run = await DependencyRun.StartAsync<Db>(Db.Register, o => o.Services.AddSingleton<IConfiguration>(configuration));
        await using (var insert = run.Value.Connection.CreateCommand())
        {
            insert.Transaction = run.Value.Transaction;
            insert.CommandText = "INSERT INTO notes (text) VALUES ('dropped')";
            await insert.ExecuteNonQueryAsync();
        }

        var result = await run.FailAsync(new InvalidOperationException("the body failed"));

        Assert.Equal(OutcomeStatus.Faulted, result.Status);
        Assert.Empty(await NotesAsync());
    }

    private async Task<List<string>> NotesAsync()
    {
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        await using var query = connection.CreateCommand();
        // Db.Open creates the table in its transaction, so a rolled-back first invocation leaves no table.
        query.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'notes'";
        if ((long)(await query.ExecuteScalarAsync())! == 0)
        {
            return [];
        }

        query.CommandText = "SELECT text FROM notes ORDER BY id";
        var notes = new List<string>();
        await using var reader = await query.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            notes.Add(reader.GetString(0));
        }

        return notes;
    }
}
