using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace YieldDeps.Functions;

/// <summary>Puts YieldDeps into the worker's invocation pipeline.</summary>
internal static class WorkerPipeline
{
    public static void Install(IFunctionsWorkerApplicationBuilder builder, PipelineSetup setup)
    {
        builder.UseMiddleware<YieldDependencyMiddleware>();
        setup.MiddlewareInstalled = true;

        // The worker registers the built pipeline as a FunctionExecutionDelegate singleton. Wrapping it puts the
        // request-scope finisher outside every middleware, the ASP.NET Core integration's included, whatever the
        // order of the setup calls. Apps without request-scoped dependencies keep the pipeline as it is.
        var services = builder.Services;
        for (var i = services.Count - 1; i >= 0; i--)
        {
            if (services[i] is { ServiceType: var type, ImplementationFactory: { } build } && type == typeof(FunctionExecutionDelegate))
            {
                services[i] = ServiceDescriptor.Singleton<FunctionExecutionDelegate>(provider =>
                {
                    var pipeline = (FunctionExecutionDelegate)build(provider);
                    // Read off the registrations, not the catalogue: building the catalogue here would move its
                    // startup errors out of host startup into the first resolution of the pipeline.
                    if (!provider.GetRequiredService<RegistrySource>().Registry.Descriptors.Any(d => d.Scope == DependencyScope.Request))
                    {
                        return pipeline;
                    }

                    var finisher = provider.GetRequiredService<RequestScopeFinisher>();
                    setup.FinisherActive = true;
                    return context => finisher.InvokeAsync(context, pipeline);
                });
                return;
            }
        }
    }
}
