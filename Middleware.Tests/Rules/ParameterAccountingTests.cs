using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using YieldDeps.Functions;
using YieldDeps.Testing;
using YieldDeps.Tests.Fixtures;
using static YieldDeps.Tests.Fixtures.FunctionMethods;

namespace YieldDeps.Tests.Rules;

/// <summary>SEMANTICS section 6: every function parameter is accounted for at startup; none silently receives null.</summary>
public sealed class ParameterAccountingTests
{
    private static DependencyRegistrationException ValidateThisAssembly(Action<IServiceCollection>? services = null)
    {
        var collection = new ServiceCollection();
        collection.AddLogging();
        collection.AddYieldDependencies();
        services?.Invoke(collection);
        using var provider = collection.BuildServiceProvider();
        var catalog = provider.GetRequiredService<global::YieldDeps.Engine.DependencyCatalog>();
        return Assert.Throws<DependencyRegistrationException>(() =>
            DependencyValidationService.Validate(catalog, setup: null, [typeof(ParameterAccountingTests).Assembly]));
    }

    [Fact]
    public void Startup_FailsOnAFunctionParameterNothingSupplies_NamingFunctionParameterTypeAndFix()
    {
        var error = ValidateThisAssembly();

        var problem = Assert.Single(error.Problems, p => p.StartsWith("Function 'UnsuppliedParameter':", StringComparison.Ordinal));
        Assert.Contains("parameter 'unsupplied' of method UnsuppliedParameterFunctions.Run has type Unsupplied, which nothing supplies", problem, StringComparison.Ordinal);
        Assert.Contains("Register it (deps.Add(...) for a dependency, or as a service)", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Startup_FailsOnAFunctionClassConstructorParameterNothingSupplies()
    {
        var error = ValidateThisAssembly();

        var problem = Assert.Single(error.Problems, p => p.StartsWith("Function 'UnsuppliedConstructor':", StringComparison.Ordinal));
        Assert.Contains("parameter 'unsupplied' of the constructor of UnsuppliedConstructorFunctions has type Unsupplied", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Startup_AcceptsParametersThatAServiceTheWorkerOrYieldDepsSupply()
    {
        var error = ValidateThisAssembly(s => s.AddScoped<IGreeter, Greeter>());

        Assert.DoesNotContain(error.Problems, p => p.Contains("'Accounted'", StringComparison.Ordinal));
    }

    [Fact]
    public void Startup_RejectsHeaderOnAFunctionParameter_PointingToADependency()
    {
        var error = ValidateThisAssembly();

        var problem = Assert.Single(error.Problems, p => p.StartsWith("Function 'HeaderOnFunction':", StringComparison.Ordinal));
        Assert.Contains("bound to header 'x-tenant', but [Header] binds parameters of dependencies only", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FunctionParameters_ThatAreServicesOrTheOutcome_AreSuppliedByYieldDeps()
    {
        await using var worker = Workers.Create(_ => { }, out _, out _, s => s.AddScoped<IGreeter, Greeter>());

        var result = await worker.InvokeAsync(
            Method<AccountedFunctions>(nameof(AccountedFunctions.Run)),
            TriggerInput.Queue("ada", dequeueCount: 2));

        result.EnsureSucceeded();
        Assert.Equal("hello ada | same service: True | outcome: Pending | dequeue: 2 | note: -", result.InvocationResult);
    }

    [Fact]
    public async Task AFunctionParameterNothingSupplies_FailsItsFirstCall_WhenStartupDidNotScanIt()
    {
        await using var worker = Workers.Create(_ => { }, out _, out _);

        var result = await worker.InvokeAsync(Method(typeof(UnsuppliedParameterFunctions), "Run"), TriggerInput.Queue("m"));

        var error = Assert.IsType<DependencyRegistrationException>(result.Exception);
        Assert.Contains("parameter 'unsupplied'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Startup_ChecksTheFunctionsOfTheAssemblyThatRegistered_WhenATestHostIsTheEntryAssembly()
    {
        // Under dotnet test the entry assembly is the test host; the functions live in the assembly that registered.
        DependencyRegistry? registry = null;
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddYieldDependencies(deps => registry = deps);
        await using var provider = services.BuildServiceProvider();
        var startup = Assert.Single(provider.GetServices<IHostedService>());

        var error = await Assert.ThrowsAsync<DependencyRegistrationException>(() => startup.StartAsync(CancellationToken.None));

        Assert.Equal([typeof(ParameterAccountingTests).Assembly], registry!.FunctionAssemblies);
        Assert.Contains(error.Problems, p => p.StartsWith("Function 'ScannedBroken':", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.StartsWith("Function 'UnsuppliedParameter':", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Startup_ChecksOnlyTheEntryAssembly_WhenFunctionAssembliesIsCleared()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddYieldDependencies(deps => deps.FunctionAssemblies.Clear());
        await using var provider = services.BuildServiceProvider();

        await Assert.Single(provider.GetServices<IHostedService>()).StartAsync(CancellationToken.None);
    }

    [Fact]
    public async Task TypesAnAppConverterBinds_AreAccountedFor_AndWithoutTheConverterTheyAreNot()
    {
        await using var without = Workers.Create(_ => { }, out _, out _, s => s.AddSingleton<HarnessTests.Recorder>().AddScoped<HarnessTests.ScopedDependency>());
        await using var with = Workers.Create(
            _ => { },
            out _,
            out _,
            s => s.AddSingleton<HarnessTests.Recorder>().AddScoped<HarnessTests.ScopedDependency>().Configure<WorkerOptions>(o => o.InputConverters.Register<HarnessTests.WidgetConverter>()));

        var rejected = await without.InvokeAsync(Method<HarnessTests.QueueFunctions>(nameof(HarnessTests.QueueFunctions.Process)), TriggerInput.Queue("m"));
        var accepted = await with.InvokeAsync(Method<HarnessTests.QueueFunctions>(nameof(HarnessTests.QueueFunctions.Process)), TriggerInput.Queue("m"));

        Assert.Contains("parameter 'widget'", Assert.IsType<DependencyRegistrationException>(rejected.Exception).Message, StringComparison.Ordinal);
        accepted.EnsureSucceeded();
    }
}
