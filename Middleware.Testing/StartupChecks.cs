using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using YieldDeps.Engine;
using YieldDeps.Functions;

namespace YieldDeps.Testing;

/// <summary>
/// Runs the checks host startup runs, from a unit test, without starting a worker: the registrations (missing
/// types, cycles, scopes, parameters) and every <c>[Function]</c> of an assembly (every parameter accounted for).
/// A failure throws the <see cref="DependencyRegistrationException"/> startup would, with the same messages.
/// </summary>
public static class StartupChecks
{
    /// <summary>Checks the registrations <paramref name="register"/> makes against the functions of <paramref name="functions"/>.</summary>
    /// <param name="functions">The assembly holding the app's <c>[Function]</c> methods.</param>
    /// <param name="register">The app's registrations, as passed to <c>UseYieldDependencies</c>.</param>
    /// <param name="services">The app's services, so that service parameters are recognised.</param>
    /// <param name="aspNetCoreIntegration">Whether the app uses <c>ConfigureFunctionsWebApplication()</c> (the HTTP model decides some checks).</param>
    /// <param name="configuration">
    /// Adds the test's own settings. An <see cref="IConfiguration"/> service is there by default, as in the worker:
    /// appsettings.json and the <c>Values</c> of local.settings.json from the output folder, then the environment.
    /// </param>
    /// <exception cref="DependencyRegistrationException">Every problem found, as startup reports them.</exception>
    public static void Validate(
        Assembly functions,
        Action<DependencyRegistry> register,
        Action<IServiceCollection>? services = null,
        bool aspNetCoreIntegration = true,
        Action<IConfigurationBuilder>? configuration = null)
    {
        ArgumentNullException.ThrowIfNull(functions);
        ArgumentNullException.ThrowIfNull(register);
        var collection = new ServiceCollection();
        collection.AddLogging();
        var appConfiguration = AppConfiguration.Build(configuration);
        collection.AddSingleton<IConfiguration>(_ => appConfiguration);
        services?.Invoke(collection);
        collection.AddYieldDependencies(deps =>
        {
            deps.FunctionAssemblies.Clear();
            register(deps);
        });

        using var provider = collection.BuildServiceProvider();
        // No worker is built: the pipeline is the one an app with the middleware installed and the given HTTP model has.
        var pipeline = new PipelineFacts(MiddlewareInstalled: true, UsesAspNetCoreIntegration: aspNetCoreIntegration, FinishesRequestScope: false);
        DependencyValidationService.Validate(provider.GetRequiredService<DependencyCatalog>(), provider.GetRequiredService<PipelineSetup>(), [functions], pipeline);
    }
}
