using Microsoft.Extensions.DependencyInjection;

namespace YieldDeps.Functions;

/// <summary>
/// What the app's invocation pipeline is, decided once when its services are built and never changed: whether the
/// YieldDeps middleware is in it, whether the app uses the ASP.NET Core integration, and whether
/// <see cref="RequestScopeFinisher"/> wraps it (so request-scoped teardown waits for the response).
/// </summary>
/// <param name="MiddlewareInstalled">The YieldDeps middleware is in the pipeline.</param>
/// <param name="UsesAspNetCoreIntegration">The app uses the ASP.NET Core integration (<c>ConfigureFunctionsWebApplication</c>).</param>
/// <param name="FinishesRequestScope">The request-scope finisher wraps the pipeline: a registration is request-scoped and the wrap is in place.</param>
internal sealed record PipelineFacts(bool MiddlewareInstalled, bool UsesAspNetCoreIntegration, bool FinishesRequestScope)
{
    /// <summary>Reads the facts off the app's setup and registrations.</summary>
    public static PipelineFacts Of(IServiceProvider services)
    {
        var source = services.GetRequiredService<RegistrySource>();
        var setup = source.Setup;
        return new PipelineFacts(
            setup.MiddlewareInstalled,
            setup.UsesAspNetCoreIntegration,
            setup.WrapInPlace && source.Registry.Descriptors.Any(d => d.Scope == DependencyScope.Request));
    }
}
