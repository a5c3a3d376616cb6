using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using YieldDeps.Testing;
using YieldDeps.Tests.Fixtures;
using static YieldDeps.Tests.Fixtures.FunctionMethods;

namespace YieldDeps.Tests.Rules;

/// <summary>SEMANTICS section 10: validation at startup, with messages naming what is wrong.</summary>
public sealed class ValidationTests
{
    private static async Task<DependencyRegistrationException> StartAsync(Action<DependencyRegistry> register)
    {
        // The services an app gets from AddYieldDependencies; starting its hosted services is what host startup does.
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddYieldDependencies(deps =>
        {
            // This assembly's fixture functions include deliberately broken ones; these tests check registrations.
            deps.FunctionAssemblies.Clear();
            register(deps);
        });
        await using var provider = services.BuildServiceProvider();
        var startup = Assert.Single(provider.GetServices<IHostedService>());
        return await Assert.ThrowsAsync<DependencyRegistrationException>(() => startup.StartAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Startup_FailsOnACycle_ShowingTheChain()
    {
        var error = await StartAsync(deps => deps.Add(InvalidDependencies.MakePing).Add(InvalidDependencies.MakePong));

        Assert.Contains("Dependency cycle: InvalidDependencies.MakePing -> InvalidDependencies.MakePong -> InvalidDependencies.MakePing.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Startup_FailsOnAParameterThatCanNeverBeResolved_NamingDependencyParameterAndType()
    {
        var error = await StartAsync(deps => deps.Add(InvalidDependencies.NeedOpaque));

        Assert.Contains("'InvalidDependencies.NeedOpaque' (NeedsOpaque)", error.Message, StringComparison.Ordinal);
        Assert.Contains("parameter 'opaque' of type Opaque", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Startup_FailsOnAProblemAStartupCheckReports_WithTheOthers()
    {
        var error = await StartAsync(deps => deps
            .AddGlobal<Unregistered>()
            .AddStartupCheck(services => services.IsService(typeof(Uri)) ? [] : ["Uri is not registered: call services.AddSingleton(new Uri(...))."]));

        Assert.Contains("Uri is not registered: call services.AddSingleton(new Uri(...)).", error.Message, StringComparison.Ordinal);
        Assert.Contains("Global dependency Unregistered is not registered", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Startup_FailsOnAnUnregisteredGlobal()
    {
        var error = await StartAsync(deps => deps.AddGlobal<Unregistered>());

        Assert.Contains("Global dependency Unregistered is not registered", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Startup_FailsOnATypeRegisteredTwice_NamingBoth()
    {
        var error = await StartAsync(deps => deps.Add(InvalidDependencies.MakePing).Add(() => new Ping(), o => o.Name = "OtherPing"));

        Assert.Contains("'InvalidDependencies.MakePing'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'OtherPing'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Startup_ReportsEveryProblemAtOnce()
    {
        var error = await StartAsync(deps => deps.Add(InvalidDependencies.NeedOpaque).AddGlobal<Unregistered>());

        Assert.Equal(2, error.Problems.Count);
    }

    [Fact]
    public async Task Startup_FailsOnAFunctionDeclaringAnUnregisteredDependency_NamingTheFunction()
    {
        await using var worker = Workers.Create(_ => { }, out _, out _);

        var result = await worker.InvokeAsync(Method<ValidationFunctions>(nameof(ValidationFunctions.DeclaresUnregistered)), TriggerInput.Queue("m"));

        var error = Assert.IsType<DependencyRegistrationException>(result.Exception);
        Assert.Contains("DeclaresUnregistered", error.Message, StringComparison.Ordinal);
        Assert.Contains("[Depends(typeof(Unregistered))]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Startup_ScansTheAppsFunctions_AndNamesTheOneThatCannotWork()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddYieldDependencies();
        using var provider = services.BuildServiceProvider();
        var catalog = provider.GetRequiredService<global::YieldDeps.Engine.DependencyCatalog>();

        var error = Assert.Throws<DependencyRegistrationException>(() => global::YieldDeps.Functions.DependencyValidationService.Validate(catalog, setup: null, [typeof(ScannedFunctions).Assembly]));

        Assert.Contains("Function 'ScannedBroken'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFunctionStartupValidated_RunsOnThePlanStartupBuilt()
    {
        await using var worker = Workers.Chain(out _, out _);
        var method = Method<ChainFunctions>(nameof(ChainFunctions.Queue));
        var context = (await worker.InvokeAsync(method, TriggerInput.Queue("m"))).EnsureSucceeded().Context;
        var catalog = worker.Services.GetRequiredService<global::YieldDeps.Engine.DependencyCatalog>();
        var plans = new global::YieldDeps.Functions.FunctionPlanCache(catalog, worker.Services.GetRequiredService<global::YieldDeps.Diagnostics.LoggingDependencyEvents>());
        var validated = new global::YieldDeps.Engine.PlanBuilder(catalog).Build(new global::YieldDeps.Engine.FunctionTarget(context.FunctionDefinition.Name, method));

        // What startup validation does with each function it checks; the invocation then finds that plan by its entry point.
        plans.Add(method, validated);

        Assert.Same(validated, plans.Get(context).Plan);
    }
}
