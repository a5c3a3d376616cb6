using System.Net;
using Microsoft.Extensions.DependencyInjection;
using YieldDeps.EntityFrameworkCore.Tests.Functions;
using YieldDeps.EntityFrameworkCore.Tests.Infrastructure;
using YieldDeps.EntityFrameworkCore.Tests.Model;
using YieldDeps.Testing;

namespace YieldDeps.EntityFrameworkCore.Tests;

/// <summary>The README's registrations work as it says.</summary>
public sealed class ReadmeExampleTests : IAsyncLifetime
{
    private SqliteTestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await SqliteTestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task TheOptionsExampleCommitsASuccessAndItsFailWhenRollsA4xxBack()
    {
        await using var host = FunctionTestHost.Create(
            worker => worker.UseYieldDependencies(ReadmeExamples.RegisterWithOptions),
            services => services.AddSingleton(new Probe()).AddDbContext<OrdersDb>(o => _database.Configure(o)),
            httpModel: TestHttpModel.AspNetCore);

        var created = await host.PostAsync(nameof(CustomerFunctions.SaveThenAnswer), "ada@example.com", "&status=201");
        var refused = await host.PostAsync(nameof(CustomerFunctions.SaveThenAnswer), "alan@example.com", "&status=404");
        var taken = await host.PostAsync(nameof(CustomerFunctions.Add), TestDatabase.Taken);

        Assert.Equal(HttpStatusCode.Created, created.HttpResponse!.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, refused.HttpResponse!.StatusCode);
        Assert.Equal(HttpStatusCode.InternalServerError, taken.HttpResponse!.StatusCode);
        Assert.True(await _database.HasAsync("ada@example.com"));
        Assert.False(await _database.HasAsync("alan@example.com"));
    }

    [Fact]
    public async Task TheSetupExampleWithItsUsingsCommitsThroughTheUnitOfWork()
    {
        await using var host = FunctionTestHost.Create(
            worker => ReadmeApp.ReadmeProgram.Configure(worker, _database.ConnectionString),
            services => services.AddSingleton(new Probe()),
            httpModel: TestHttpModel.AspNetCore);

        var created = await host.PostAsync(nameof(CustomerFunctions.Add), "grace@example.com");

        Assert.Equal(HttpStatusCode.Created, created.HttpResponse!.StatusCode);
        Assert.True(await _database.HasAsync("grace@example.com"));
    }

    [Fact]
    public void TheRetryingStrategyExampleRegistersARetryingContext()
    {
        var services = new ServiceCollection();
        ReadmeExamples.AddWithRetries(services, "Host=127.0.0.1;Database=unused");
        using var provider = services.BuildServiceProvider();
        using var scope = provider.CreateScope();

        var db = scope.ServiceProvider.GetRequiredService<OrdersDb>();

        Assert.True(db.Database.CreateExecutionStrategy().RetriesOnFailure);
    }
}
