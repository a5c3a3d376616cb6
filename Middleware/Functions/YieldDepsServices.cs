using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using YieldDeps.Diagnostics;
using YieldDeps.Engine;

namespace YieldDeps.Functions;

/// <summary>The services behind the middleware, registered once per app.</summary>
internal static class YieldDepsServices
{
    public static void Add(IServiceCollection services, RegistrySource source)
    {
        var registry = source.Registry;
        services.AddSingleton(source);
        services.AddSingleton(source.Setup);
        services.AddSingleton<DependencyOverrides>();
        services.AddSingleton<IDependencyOverrides>(sp => sp.GetRequiredService<DependencyOverrides>());
        services.AddSingleton<FunctionsInvocationHost>();
        services.AddSingleton(sp => new DependencyCatalog(
            registry,
            sp.GetRequiredService<DependencyOverrides>(),
            sp.GetRequiredService<FunctionsInvocationHost>(),
            sp.GetService<IServiceProviderIsService>()));
        services.AddSingleton<FunctionPlanCache>();
        services.AddSingleton<LoggingDependencyEvents>();
        services.AddSingleton<HttpProblemWriter>();
        services.AddSingleton<RequestScopeFinisher>();

        // Added after the worker's own TryAdd, so this one is resolved; it falls back to the worker's behaviour.
        services.AddSingleton<IFunctionActivator, YieldFunctionActivator>();
        services.AddHostedService<DependencyValidationService>();
        services.Configure<WorkerOptions>(options => options.InputConverters.RegisterAt<DependencyInputConverter>(0));
    }
}
