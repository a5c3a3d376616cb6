using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using YieldDeps.Diagnostics;
using YieldDeps.Engine;

namespace YieldDeps.Functions;

/// <summary>The services behind the middleware, registered once per app.</summary>
internal static class YieldDepsServices
{
    /// <summary>
    /// The step that finishes request-scoped dependencies after the response is part of the pipeline only when a
    /// registration asked for it at startup; a request-scoped override without it would silently finish early.
    /// </summary>
    private static void RequireRequestScopeSupport(DependencyOverrides overrides, Type key, PipelineFacts facts)
    {
        if (overrides.TryGet(key, out var replacement) && replacement.Scope == DependencyScope.Request && !facts.FinishesRequestScope)
        {
            throw new DependencyRegistrationException(
                $"Override {replacement.Display} is request-scoped, but no registration of the app is, so the pipeline has no step that " +
                "waits for the response. Register the dependency request-scoped at startup, or override it with the default scope.");
        }
    }

    public static void Add(IServiceCollection services, RegistrySource source)
    {
        var registry = source.Registry;
        services.AddSingleton(source);
        services.AddSingleton(source.Setup);
        services.AddSingleton(PipelineFacts.Of);
        services.AddSingleton<DependencyOverrides>();
        services.AddSingleton<IDependencyOverrides>(sp => sp.GetRequiredService<DependencyOverrides>());
        services.AddSingleton<FunctionsInvocationHost>();
        services.AddSingleton(sp =>
        {
            var overrides = sp.GetRequiredService<DependencyOverrides>();
            var catalog = new DependencyCatalog(
                registry,
                overrides,
                sp.GetRequiredService<FunctionsInvocationHost>(),
                sp.GetService<IServiceProviderIsService>(),
                sp.GetService<TimeProvider>())
            {
                UsesGeneratedCode = registry.UseGeneratedCode && !string.Equals(
                    sp.GetService<IConfiguration>()?["YieldDeps:GeneratedCode"], "false", StringComparison.OrdinalIgnoreCase),
            };
            var facts = sp.GetRequiredService<PipelineFacts>();
            overrides.Validate += key => RequireRequestScopeSupport(overrides, key, facts);
            return catalog;
        });
        services.AddSingleton<FunctionPlanCache>();
        services.AddSingleton<LoggingDependencyEvents>();
        services.AddSingleton<HttpProblemWriter>();
        services.AddSingleton<RequestScopeFinisher>();
        services.AddSingleton<ResponseAfterTeardown>();

        // Added after the worker's own TryAdd, so this one is resolved; it falls back to the worker's behaviour.
        services.AddSingleton<IFunctionActivator, YieldFunctionActivator>();
        services.AddHostedService<DependencyValidationService>();
        services.Configure<WorkerOptions>(options => options.InputConverters.RegisterAt<DependencyInputConverter>(0));
    }
}
