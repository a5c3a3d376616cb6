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

        // The worker registers the built pipeline as a FunctionExecutionDelegate singleton built by a factory. Wrapping
        // it puts the request-scope finisher outside every middleware, the ASP.NET Core integration's included,
        // whatever the order of the setup calls. Apps without request-scoped dependencies get only the step that explains
        // a response failing after the teardown (ResponseAfterTeardown), and only with the ASP.NET Core integration.
        // A worker that registers it otherwise cannot be wrapped: startup then fails if a dependency is request-scoped
        // (PipelineSetup.WrapProblems), rather than let those close before the response without a word.
        var services = builder.Services;
        var index = LastIndexOfExecutionDelegate(services);
        if (index < 0 || services[index].ImplementationFactory is not { } build)
        {
            setup.UnwrappablePipeline = index < 0 ? "none" : Describe(services[index]);
            return;
        }

        var wrapped = ServiceDescriptor.Singleton<FunctionExecutionDelegate>(provider =>
        {
            var pipeline = (FunctionExecutionDelegate)build(provider);
            // Read off the registrations, not the catalogue: building the catalogue here would move its
            // startup errors out of host startup into the first resolution of the pipeline.
            var facts = provider.GetRequiredService<PipelineFacts>();
            if (!facts.FinishesRequestScope)
            {
                // Under the ASP.NET Core integration the response is written after the dependencies were torn down:
                // a failure then is explained (ResponseAfterTeardown). The built-in model writes no response here.
                if (!facts.UsesAspNetCoreIntegration)
                {
                    return pipeline;
                }

                var explainer = provider.GetRequiredService<ResponseAfterTeardown>();
                return context => explainer.InvokeAsync(context, pipeline);
            }

            var finisher = provider.GetRequiredService<RequestScopeFinisher>();
            return context => finisher.InvokeAsync(context, pipeline);
        });
        services[index] = wrapped;
        setup.WrappedPipeline = wrapped;
    }

    /// <summary>The registration the service provider would resolve: the last one.</summary>
    public static int LastIndexOfExecutionDelegate(IServiceCollection services)
    {
        for (var i = services.Count - 1; i >= 0; i--)
        {
            if (services[i].ServiceType == typeof(FunctionExecutionDelegate))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>How a registration of the execution delegate was made, for a startup error.</summary>
    public static string Describe(ServiceDescriptor descriptor) =>
        $"a {descriptor.Lifetime.ToString().ToLowerInvariant()} registered " + descriptor switch
        {
            { ImplementationFactory: not null } => "with a factory",
            { ImplementationInstance: not null } => "as an instance",
            { ImplementationType: { } type } => $"as type {type.FullName}",
            _ => "another way",
        };
}
