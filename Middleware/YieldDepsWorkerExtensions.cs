using System.Reflection;
using System.Runtime.CompilerServices;
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
    /// with ASP.NET Core integration, call it after <c>ConfigureFunctionsWebApplication()</c> (startup fails with a
    /// message saying so otherwise).
    /// </summary>
    /// <param name="builder">The worker application builder.</param>
    /// <param name="configure">Registers dependencies and sets app-wide rules; may be omitted when
    /// <see cref="AddYieldDependencies"/> registers them elsewhere.</param>
    /// <returns>The same builder, for chaining.</returns>
    /// <remarks>
    /// Registration problems (an unregistered type, a cycle, an unresolvable parameter, a function parameter nothing
    /// supplies, a scope violation) fail host startup with a <see cref="DependencyRegistrationException"/>. The
    /// functions checked are those of the entry assembly and of <see cref="DependencyRegistry.FunctionAssemblies"/>,
    /// which starts with the assembly that calls this method.
    /// </remarks>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static IFunctionsWorkerApplicationBuilder UseYieldDependencies(this IFunctionsWorkerApplicationBuilder builder, Action<DependencyRegistry>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var setup = Register(builder.Services, configure, Assembly.GetCallingAssembly());
        if (!setup.MiddlewareInstalled)
        {
            WorkerPipeline.Install(builder, setup);
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
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static IServiceCollection AddYieldDependencies(this IServiceCollection services, Action<DependencyRegistry>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        Register(services, configure, Assembly.GetCallingAssembly());
        return services;
    }

    private static PipelineSetup Register(IServiceCollection services, Action<DependencyRegistry>? configure, Assembly caller)
    {
        var source = services.FirstOrDefault(d => d.ServiceType == typeof(RegistrySource))?.ImplementationInstance as RegistrySource;
        if (source is null)
        {
            source = new RegistrySource(new DependencyRegistry(), new PipelineSetup(services));
            if (caller != typeof(YieldDepsWorkerExtensions).Assembly)
            {
                source.Registry.FunctionAssemblies.Add(caller);
            }

            YieldDepsServices.Add(services, source);
        }

        configure?.Invoke(source.Registry);
        return source.Setup;
    }
}
