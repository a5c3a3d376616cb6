using System.Net;
using ConsumerApp;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using YieldDeps;
using YieldDeps.Testing;

namespace ConsumerApp.Tests;

public sealed class NotesTests : IAsyncLifetime
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"consumer-{Guid.NewGuid():N}.db");
    private NotesDatabase _database = null!;
    private FunctionTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _database = new NotesDatabase(new SqliteConnectionStringBuilder { DataSource = _file, Pooling = false }.ToString());
        await _database.EnsureCreatedAsync();
        _host = FunctionTestHost.Create(
            worker => worker.UseYieldDependencies(NotesDatabase.Register),
            services => services.AddSingleton(_database),
            httpModel: TestHttpModel.AspNetCore);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        File.Delete(_file);
    }

    [Fact]
    public async Task ANote_IsCommitted_AndAConflict_IsRolledBack()
    {
        var added = await _host.InvokeAsync(typeof(Notes), nameof(Notes.Add), TriggerInput.Http("POST", "http://localhost/api/notes", "hello"));
        var refused = await _host.InvokeAsync(typeof(Notes), nameof(Notes.Add), TriggerInput.Http("POST", "http://localhost/api/notes", "conflict"));
        var counted = await _host.InvokeAsync(typeof(Notes), nameof(Notes.Count), TriggerInput.Http("GET", "http://localhost/api/notes/count"));

        Assert.Equal(HttpStatusCode.Created, added.HttpResponse!.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, refused.HttpResponse!.StatusCode);
        Assert.Contains("\"count\":1", counted.HttpResponse!.Body, StringComparison.Ordinal);
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
