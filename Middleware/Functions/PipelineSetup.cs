using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.DependencyInjection;

namespace YieldDeps.Functions;

/// <summary>
/// What <c>UseYieldDependencies</c> did to the worker's pipeline while the app's services were registered, kept with
/// the app's service collection so that host startup can check the setup calls were made in an order that works.
/// Read once into <see cref="PipelineFacts"/> when the services are built.
/// </summary>
internal sealed class PipelineSetup(IServiceCollection services)
{
    private const string AspNetCoreProxyingMiddleware = "Microsoft.Azure.Functions.Worker.Extensions.Http.AspNetCore.FunctionsHttpProxyingMiddleware";

    /// <summary>Gets or sets a value indicating whether the YieldDeps middleware is in the pipeline.</summary>
    public bool MiddlewareInstalled { get; set; }

    /// <summary>Gets a value indicating whether the app uses the ASP.NET Core integration (<c>ConfigureFunctionsWebApplication</c>).</summary>
    public bool UsesAspNetCoreIntegration => IndexOf(d => d.ImplementationType?.FullName == AspNetCoreProxyingMiddleware) >= 0;

    /// <summary>
    /// Gets a value indicating whether the registration <see cref="WorkerPipeline"/> put in place of the worker's
    /// execution delegate is the one the service provider resolves.
    /// </summary>
    public bool WrapInPlace =>
        WrappedPipeline is not null && WorkerPipeline.LastIndexOfExecutionDelegate(services) is var last && last >= 0 && ReferenceEquals(services[last], WrappedPipeline);

    /// <summary>
    /// Gets or sets how the worker registered its execution delegate when <see cref="WorkerPipeline"/> could not wrap it
    /// (<c>none</c> when it found no registration), or null.
    /// </summary>
    public string? UnwrappablePipeline { get; set; }

    /// <summary>Gets or sets the registration <see cref="WorkerPipeline"/> put in place of the worker's execution delegate.</summary>
    public ServiceDescriptor? WrappedPipeline { get; set; }

    /// <summary>
    /// Gets the problems with the wrap of the worker's execution delegate, which request-scoped dependencies need:
    /// the worker registered it in a way that cannot be wrapped, or something replaced the wrapped one later.
    /// </summary>
    public IEnumerable<string> WrapProblems(IEnumerable<Engine.DependencyDescriptor> registered)
    {
        if (UnwrappablePipeline is null && WrappedPipeline is null)
        {
            // WorkerPipeline did not run (the startup checks of the test kit, AddYieldDependencies alone).
            yield break;
        }

        var requestScoped = registered.Where(d => d.Scope == DependencyScope.Request).Select(d => d.Display).ToList();
        if (requestScoped.Count == 0)
        {
            yield break;
        }

        var found = UnwrappablePipeline;
        if (found is null)
        {
            var last = WorkerPipeline.LastIndexOfExecutionDelegate(services);
            found = last < 0 ? "no registration left (it was removed)"
                : ReferenceEquals(services[last], WrappedPipeline) ? null
                : $"a later registration, {WorkerPipeline.Describe(services[last])}";
        }

        if (found is not null)
        {
            yield return $"Request-scoped dependencies ({string.Join(", ", requestScoped)}) are torn down after the response, which needs " +
                "YieldDeps to wrap the worker's invocation pipeline; it expected the worker to register " +
                $"{typeof(FunctionExecutionDelegate).FullName} as a singleton built by a factory, and found {found}. " +
                "Without the wrap they would close before the response is written. Use a worker version YieldDeps supports, " +
                "do not replace that registration, or use the default scope (DependencyScope.Function).";
        }
    }

    /// <summary>Gets the problems with the order of the setup calls, empty when it works.</summary>
    public IEnumerable<string> OrderProblems()
    {
        var ours = IndexOf(d => d.ServiceType == typeof(YieldDependencyMiddleware));
        var aspNetCore = IndexOf(d => d.ImplementationType?.FullName == AspNetCoreProxyingMiddleware);
        if (ours >= 0 && aspNetCore > ours)
        {
            // The integration's middleware must be outside ours: it hands the HttpContext in before the function's
            // dependencies are set up, and writes the result to the response after they were torn down.
            yield return "UseYieldDependencies was called before ConfigureFunctionsWebApplication, so HTTP requests would reach the " +
                "dependencies before the ASP.NET Core integration has handed them in. Call builder.ConfigureFunctionsWebApplication() first, " +
                "then builder.UseYieldDependencies(...).";
        }
    }

    private int IndexOf(Func<ServiceDescriptor, bool> match)
    {
        for (var i = 0; i < services.Count; i++)
        {
            if (match(services[i]))
            {
                return i;
            }
        }

        return -1;
    }
}
