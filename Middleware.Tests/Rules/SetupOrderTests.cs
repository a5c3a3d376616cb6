using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using YieldDeps.Functions;

namespace YieldDeps.Tests.Rules;

/// <summary>SEMANTICS section 10: a call order of the setup calls that cannot work fails startup, saying what to move.</summary>
public sealed class SetupOrderTests
{
    // The worker's services read where the host would be; nothing connects to it, since the host is never started.
    private static readonly string[] HostArguments = ["--Functions:Worker:HostEndpoint", "http://127.0.0.1:9", "--Functions:Worker:WorkerId", "test", "--Functions:Worker:GrpcMaxMessageLength", "2147483647"];

    private static Task StartValidationAsync(IHost host) =>
        host.Services.GetServices<IHostedService>().OfType<DependencyValidationService>().Single().StartAsync(CancellationToken.None);

    [Fact]
    public async Task Startup_Fails_WhenUseYieldDependenciesComesBeforeConfigureFunctionsWebApplication_SayingWhichCallToMove()
    {
        var builder = FunctionsApplication.CreateBuilder(HostArguments);
        builder.UseYieldDependencies(deps => deps.FunctionAssemblies.Clear());
        builder.ConfigureFunctionsWebApplication();
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<DependencyRegistrationException>(() => StartValidationAsync(host));

        Assert.Contains("UseYieldDependencies was called before ConfigureFunctionsWebApplication", error.Message, StringComparison.Ordinal);
        Assert.Contains("Call builder.ConfigureFunctionsWebApplication() first, then builder.UseYieldDependencies(...)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Startup_Passes_WhenConfigureFunctionsWebApplicationComesFirst()
    {
        var builder = FunctionsApplication.CreateBuilder(HostArguments);
        builder.ConfigureFunctionsWebApplication();
        builder.UseYieldDependencies(deps => deps.FunctionAssemblies.Clear());
        using var host = builder.Build();

        await StartValidationAsync(host);
    }

    [Fact]
    public async Task Startup_Fails_WhenFunctionsAskForDependencies_ButOnlyAddYieldDependenciesWasCalled()
    {
        var builder = FunctionsApplication.CreateBuilder(HostArguments);
        builder.Services.AddSingleton(new Fixtures.Journal()).AddSingleton(new Fixtures.Faults());
        builder.Services.AddYieldDependencies(deps =>
        {
            deps.FunctionAssemblies.Clear();
            deps.FunctionAssemblies.Add(typeof(SetupOrderTests).Assembly);
            Fixtures.Chain.Register(deps);
        });
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<DependencyRegistrationException>(() => StartValidationAsync(host));

        Assert.Contains("the YieldDeps middleware is not in the pipeline: call builder.UseYieldDependencies(...)", error.Message, StringComparison.Ordinal);
    }
}
