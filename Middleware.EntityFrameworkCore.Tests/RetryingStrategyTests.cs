using System.Net;
using YieldDeps.EntityFrameworkCore.Tests.Functions;
using YieldDeps.EntityFrameworkCore.Tests.Infrastructure;

namespace YieldDeps.EntityFrameworkCore.Tests;

/// <summary>
/// The unit of work with Npgsql's retrying execution strategy (<c>EnableRetryOnFailure</c>), on a real PostgreSQL
/// database: the strategy would refuse a transaction it did not begin; with the unit of work, the body's queries and
/// saves run once inside it, beginning the transaction is retried, and a transient failure in the body fails the unit
/// of work without re-running anything.
/// </summary>
[Trait("Category", "Postgres")]
public sealed class RetryingStrategyTests : IAsyncLifetime
{
    private readonly Probe _probe = new();
    private readonly CommitCounter _commits = new();
    private PostgresTestDatabase? _database;

    public async Task InitializeAsync() => _database = await PostgresTestDatabase.CreateAsync();

    public async Task DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    [PostgresFact]
    public async Task TheBodyQueriesAndSavesInsideTheTransactionOfARetryingStrategy()
    {
        await using var host = UnitOfWorkHost.Create(_database, _probe, retryOnFailure: true, interceptors: _commits);

        var result = await host.PostAsync(nameof(CustomerFunctions.CountThenSave), "ada@example.com");

        Assert.True(result.Exception is null, result.Exception?.ToString());
        Assert.Equal(HttpStatusCode.OK, result.HttpResponse!.StatusCode);
        Assert.Equal("1", result.HttpResponse.Body);
        Assert.True(await _database!.HasAsync("ada@example.com"));
        Assert.Equal(1, _commits.Commits);
    }

    [PostgresFact]
    public async Task TheFinalSaveRunsInsideTheTransactionOfARetryingStrategyWithAFactory()
    {
        await using var host = UnitOfWorkHost.Create(_database, _probe, ContextRegistration.Factory, retryOnFailure: true, interceptors: _commits);

        var result = await host.PostAsync(nameof(CustomerFunctions.Add), "grace@example.com");

        Assert.Equal(HttpStatusCode.Created, result.HttpResponse!.StatusCode);
        Assert.True(await _database!.HasAsync("grace@example.com"));
        Assert.Equal(1, _commits.Commits);
    }

    [PostgresFact]
    public async Task ATransientFailureOpeningTheConnectionIsRetried()
    {
        var faults = new TransientFaults();
        await using var host = UnitOfWorkHost.Create(_database, _probe, retryOnFailure: true, interceptors: [_commits, faults]);
        faults.FailNextOpening();

        var result = await host.PostAsync(nameof(CustomerFunctions.Add), "edsger@example.com");

        Assert.Equal(HttpStatusCode.Created, result.HttpResponse!.StatusCode);
        Assert.Equal(2, faults.Openings);
        Assert.Equal(1, _probe.BodyRuns);
        Assert.True(await _database!.HasAsync("edsger@example.com"));
    }

    [PostgresFact]
    public async Task ATransientFailureInTheBodyFailsTheUnitOfWorkWithoutRetryingIt()
    {
        var faults = new CommandFaults();
        await using var host = UnitOfWorkHost.Create(_database, _probe, retryOnFailure: true, interceptors: [_commits, faults]);

        var result = await host.PostAsync(nameof(CustomerFunctions.CountThenSave), "alan@example.com");

        Assert.Equal(HttpStatusCode.InternalServerError, result.HttpResponse!.StatusCode);
        Assert.Equal(1, faults.FailedInserts);
        Assert.Equal(1, _probe.BodyRuns);
        Assert.Equal(0, _commits.Commits);
        Assert.False(await _database!.HasAsync("alan@example.com"));
    }
}
