using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using YieldDeps.Functions;
using YieldDeps.Tests.Fixtures;

namespace YieldDeps.Tests.Rules;

/// <summary>
/// CONTRACT 8.2: request-scoped dependencies need the wrap of the worker's execution delegate; a worker that
/// registers it in a way YieldDeps cannot wrap fails startup, naming what was expected, instead of closing them
/// before the response without a word.
/// </summary>
public sealed class PipelineWrapTests
{
    private static readonly string[] HostArguments = ["--Functions:Worker:HostEndpoint", "http://127.0.0.1:9", "--Functions:Worker:WorkerId", "test", "--Functions:Worker:GrpcMaxMessageLength", "2147483647"];

    private static readonly FunctionExecutionDelegate NotAPipeline = _ => Task.CompletedTask;

    private static Task StartValidationAsync(IHost host) =>
        host.Services.GetServices<IHostedService>().OfType<DependencyValidationService>().Single().StartAsync(CancellationToken.None);

    private static FunctionsApplicationBuilder CreateBuilder()
    {
        var builder = FunctionsApplication.CreateBuilder(HostArguments);
        builder.ConfigureFunctionsWebApplication();
        builder.Services.AddSingleton(new Journal()).AddSingleton(new Faults());
        return builder;
    }

    [Fact]
    public async Task AnExecutionDelegateRegisteredAsAnInstance_FailsStartup_NamingWhatWasExpected_WhenADependencyIsRequestScoped()
    {
        var builder = CreateBuilder();
        builder.Services.Replace(ServiceDescriptor.Singleton(NotAPipeline));
        builder.UseYieldDependencies(deps =>
        {
            deps.FunctionAssemblies.Clear();
            RequestScoped.Register(deps);
        });
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<DependencyRegistrationException>(() => StartValidationAsync(host));

        var problem = Assert.Single(error.Problems);
        Assert.StartsWith("Request-scoped dependencies ('RequestScoped.OpenSession' (StreamSession), 'OutcomeProbe.Watch' (Watched))", problem, StringComparison.Ordinal);
        Assert.Contains(
            "it expected the worker to register Microsoft.Azure.Functions.Worker.Middleware.FunctionExecutionDelegate as a singleton built by a factory, and found a singleton registered as an instance",
            error.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnExecutionDelegateReplacedAfterUseYieldDependencies_FailsStartup_WhenADependencyIsRequestScoped()
    {
        var builder = CreateBuilder();
        builder.UseYieldDependencies(deps =>
        {
            deps.FunctionAssemblies.Clear();
            RequestScoped.Register(deps);
        });
        builder.Services.AddSingleton<FunctionExecutionDelegate>(_ => NotAPipeline);
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<DependencyRegistrationException>(() => StartValidationAsync(host));

        Assert.Contains("and found a later registration, a singleton registered with a factory", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnExecutionDelegateThatCannotBeWrapped_IsNoProblem_WithoutRequestScopedDependencies()
    {
        var builder = CreateBuilder();
        builder.Services.Replace(ServiceDescriptor.Singleton(NotAPipeline));
        builder.UseYieldDependencies(deps =>
        {
            deps.FunctionAssemblies.Clear();
            deps.Add(RequestScoped.OpenSession);
        });
        using var host = builder.Build();

        await StartValidationAsync(host);
    }

    [Fact]
    public async Task TheWorkersOwnRegistration_IsWrapped_AndStartupPasses_WithRequestScopedDependencies()
    {
        var builder = CreateBuilder();
        builder.UseYieldDependencies(deps =>
        {
            deps.FunctionAssemblies.Clear();
            RequestScoped.Register(deps);
        });
        using var host = builder.Build();

        await StartValidationAsync(host);
        Assert.NotNull(host.Services.GetRequiredService<FunctionExecutionDelegate>());
        Assert.True(host.Services.GetRequiredService<PipelineFacts>().FinishesRequestScope);
    }
}
