using System.Net;
using ConsumerApp;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using YieldDeps;
using YieldDeps.Testing;

namespace ConsumerApp.Tests;

public sealed class NotesTests(FunctionsApplicationFactory<Program> factory) : IClassFixture<FunctionsApplicationFactory<Program>>, IAsyncLifetime
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"consumer-{Guid.NewGuid():N}.db");
    private NotesDatabase _database = null!;

    private string ConnectionString => new SqliteConnectionStringBuilder { DataSource = _file, Pooling = false }.ToString();

    public async Task InitializeAsync()
    {
        _database = new NotesDatabase(ConnectionString);
        await _database.EnsureCreatedAsync();
    }

    public Task DisposeAsync()
    {
        File.Delete(_file);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task ANote_IsCommitted_AndAConflict_IsRolledBack()
    {
        await using var app = factory.WithSetting("NotesDb", ConnectionString);
        using var client = app.CreateClient();

        using var added = await client.PostAsync("/api/notes", new StringContent("hello"));
        using var refused = await client.PostAsync("/api/notes", new StringContent("conflict"));
        var counted = await client.GetStringAsync("/api/notes/count");

        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("\"count\":1", counted, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheApp_RunsOnTheCodeTheGeneratorInThePackageWrote()
    {
        using var paths = FunctionPaths.Record();
        await using var app = factory.WithSetting("NotesDb", ConnectionString);
        using var client = app.CreateClient();

        using var added = await client.PostAsync("/api/notes", new StringContent("generated"));

        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        Assert.Equal(["generated"], paths.Of("AddNote"));
    }

    [Fact]
    public async Task TheSessionAlone_RollsBack_WhenTheFunctionFails()
    {
        await using var run = await DependencyRun.StartAsync<Session>(NotesDatabase.Register, o => o.Services.AddSingleton(_database));
        await using (var insert = run.Value.Connection.CreateCommand())
        {
            insert.Transaction = run.Value.Transaction;
            insert.CommandText = "INSERT INTO notes (text) VALUES ('dropped')";
            await insert.ExecuteNonQueryAsync();
        }

        var result = await run.FailAsync(new InvalidOperationException("the body failed"));

        Assert.Equal(OutcomeStatus.Faulted, result.Status);
    }

    [Fact]
    public void TheAppPassesTheStartupChecks() =>
        StartupChecks.Validate(typeof(Notes).Assembly, NotesDatabase.Register, services => services.AddSingleton(_database));
}
