using FunctionApp.Sample.Data;
using FunctionApp.Sample.Dependencies;
using FunctionApp.Sample.Functions;
using FunctionApp.Sample.Shipping;
using Microsoft.Extensions.DependencyInjection;
using YieldDeps;
using YieldDeps.Testing;

namespace FunctionApp.Sample.Tests;

/// <summary>The session dependency on its own, and the app's startup checks, as unit tests.</summary>
public sealed class SessionAndStartupTests
{
    private static Task<DependencyRun<DbSession>> OpenAsync(TestDatabase database) =>
        DependencyRun.StartAsync<DbSession>(deps => deps.Add(DatabaseSession.Open), o => o.Services.AddSingleton(database.Database));

    [Fact]
    public async Task TheSession_Commits_WhenTheFunctionSucceeds()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var run = await OpenAsync(database);
        await using (var insert = run.Value.Command("INSERT INTO orders (sku, quantity) VALUES ('WIDGET-1', 3)"))
        {
            await insert.ExecuteNonQueryAsync();
        }

        var result = await run.SucceedAsync();

        Assert.Equal(OutcomeStatus.Succeeded, result.Status);
        Assert.Equal(1, database.Orders());
    }

    [Fact]
    public async Task TheSession_RollsBack_WhenTheFunctionFails()
    {
        await using var database = await TestDatabase.CreateAsync();
        #region readme-dependency-run
        await using var run = await DependencyRun.StartAsync<DbSession>(
            deps => deps.Add(DatabaseSession.Open),
            options => options.Services.AddSingleton(database.Database));
        await using (var insert = run.Value.Command("INSERT INTO orders (sku, quantity) VALUES ('WIDGET-1', 3)"))
        {
            await insert.ExecuteNonQueryAsync();
        }

        var result = await run.FailAsync(new InvalidOperationException("the body failed"));

        Assert.Equal(OutcomeStatus.Faulted, result.Status);
        Assert.Equal(0, database.Orders());
        #endregion
    }

    [Fact]
    public void TheAppsRegistrationsAndFunctions_PassTheStartupChecks()
    {
        #region readme-startup-checks
        StartupChecks.Validate(
            typeof(Orders).Assembly,
            SampleApp.RegisterDependencies,
            services => services
                .AddSingleton(new SampleDatabase("Data Source=:memory:"))
                .AddSingleton(new ApiKeySettings("key"))
                .AddSingleton(TimeProvider.System)
                .AddSingleton<IShippingNotifier, LoggingShippingNotifier>());
        #endregion
    }

    [Fact]
    public void StartupChecks_CatchAFunctionParameterNothingSupplies()
    {
        // Without the clock service, ShipOrder's TimeProvider parameter would reach it as null.
        var error = Assert.Throws<DependencyRegistrationException>(() => StartupChecks.Validate(
            typeof(Orders).Assembly,
            SampleApp.RegisterDependencies,
            services => services
                .AddSingleton(new SampleDatabase("Data Source=:memory:"))
                .AddSingleton(new ApiKeySettings("key"))
                .AddSingleton<IShippingNotifier, LoggingShippingNotifier>()));

        Assert.Contains("Function 'ShipOrder': parameter 'clock' of method ShipOrder.Run has type TimeProvider, which nothing supplies", error.Message, StringComparison.Ordinal);
    }
}
