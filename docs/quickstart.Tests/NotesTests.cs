using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using YieldDeps;
using YieldDeps.Testing;

namespace Quickstart.Tests;

/// <summary>
/// The quickstart unchanged (its static <c>Notes</c> class, <c>Db.Open</c> reading <c>IConfiguration</c>, the
/// registrations of <c>Db.Register</c> that Program.cs makes), tested with the kit on a SQLite file of its own.
/// </summary>
public sealed class NotesTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"quickstart-{Guid.NewGuid():N}.db");

    private string ConnectionString => new SqliteConnectionStringBuilder { DataSource = _file, Pooling = false }.ToString();

    public void Dispose() => File.Delete(_file);

    [Fact]
    public async Task AddNote_ThroughTheQuickstartsOwnProgram_Answers201_AndCommitsTheNote()
    {
        // Db is a public type of the quickstart's assembly: the factory runs that assembly's Program, unchanged.
        await using var factory = new FunctionsApplicationFactory<Db>().WithSetting("NotesDb", ConnectionString);
        using var client = factory.CreateClient();

        using var response = await client.PostAsync("/api/notes", new StringContent("from Program.cs"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(["from Program.cs"], await NotesAsync());
    }

    [Fact]
    public async Task AddNote_Answers201_AndCommitsTheNote()
    {
        var connectionString = ConnectionString;

        #region readme-quickstart-test
        await using var host = FunctionTestHost.Create(
            worker => worker.UseYieldDependencies(Db.Register),  // the registrations Program.cs makes
            httpModel: TestHttpModel.AspNetCore,                 // Program.cs calls ConfigureFunctionsWebApplication()
            configuration: settings => settings.AddInMemoryCollection(new Dictionary<string, string?> { ["NotesDb"] = connectionString }));

        var result = await host.InvokeAsync(typeof(Notes), nameof(Notes.AddNote), TriggerInput.Http("POST", "http://localhost/api/notes", "hello"));

        Assert.Equal(HttpStatusCode.Created, result.HttpResponse!.StatusCode);
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
