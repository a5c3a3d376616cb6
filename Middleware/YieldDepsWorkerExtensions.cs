using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using YieldDeps.Functions;

namespace YieldDeps;

/// <summary>Plugs YieldDeps into an isolated worker app.</summary>
public static class YieldDepsWorkerExtensions
{
    /// <summary>
    /// Adds the YieldDeps middleware to the worker pipeline and registers dependencies. Works with
    /// <c>FunctionsApplication.CreateBuilder(args)</c> and with <c>ConfigureFunctionsWorkerDefaults(builder =&gt; ...)</c>;
    /// with ASP.NET Core integration, call it after <c>ConfigureFunctionsWebApplication()</c>.
    /// </summary>
    /// <param name="builder">The worker application builder.</param>
    /// <param name="configure">Registers dependencies and sets app-wide rules; may be omitted when
    /// <see cref="AddYieldDependencies"/> registers them elsewhere.</param>
    /// <returns>The same builder, for chaining.</returns>
    /// <remarks>Registration problems (an unregistered type, a cycle, an unresolvable parameter) fail host startup with a <see cref="DependencyRegistrationException"/>.</remarks>
    public static IFunctionsWorkerApplicationBuilder UseYieldDependencies(this IFunctionsWorkerApplicationBuilder builder, Action<DependencyRegistry>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddYieldDependencies(configure);
        if (!builder.Services.Any(d => d.ServiceType == typeof(YieldDependencyMiddleware)))
        {
            builder.UseMiddleware<YieldDependencyMiddleware>();
        }

        return builder;
    }

    /// <summary>
    /// Registers dependencies and the services YieldDeps needs. Call it as often as convenient (each call adds to the
    /// same registry); the middleware itself is added by <see cref="UseYieldDependencies"/>.
    /// </summary>
    /// <param name="services">The app's services.</param>
    /// <param name="configure">Registers dependencies and sets app-wide rules.</param>
    /// <returns>The same service collection, for chaining.</returns>
    public static IServiceCollection AddYieldDependencies(this IServiceCollection services, Action<DependencyRegistry>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var registry = (services.FirstOrDefault(d => d.ServiceType == typeof(RegistrySource))?.ImplementationInstance as RegistrySource)?.Registry;
        if (registry is null)
        {
            registry = new DependencyRegistry();
            YieldDepsServices.Add(services, registry);
        }

        configure?.Invoke(registry);
        return services;
    }
}
