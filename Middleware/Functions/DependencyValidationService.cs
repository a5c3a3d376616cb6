using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using YieldDeps.Engine;

namespace YieldDeps.Functions;

/// <summary>
/// Fails host startup on a setup that can never work: builds the catalogue (missing registrations, cycles, scope
/// violations, unresolvable parameters), checks the order of the setup calls, and builds the plan of every
/// <c>[Function]</c> method of the app (every parameter accounted for), reporting every problem at once, naming the
/// dependencies, functions and parameters involved. The plans it builds are the ones the functions' invocations
/// start from (<see cref="FunctionPlanCache"/>).
/// </summary>
internal sealed class DependencyValidationService(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var catalog = services.GetRequiredService<DependencyCatalog>();
        var source = services.GetRequiredService<RegistrySource>();
        var assemblies = new List<Assembly>();
        if (Assembly.GetEntryAssembly() is { } entry)
        {
            assemblies.Add(entry);
        }

        assemblies.AddRange(source.Registry.FunctionAssemblies);
        Validate(catalog, source.Setup, assemblies.Distinct(), services.GetRequiredService<PipelineFacts>(), services.GetRequiredService<FunctionPlanCache>());
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <param name="catalog">The registrations.</param>
    /// <param name="setup">What the setup calls did, for the checks of their order; null leaves those out.</param>
    /// <param name="assemblies">The assemblies whose <c>[Function]</c> methods are checked.</param>
    /// <param name="pipeline">The pipeline's facts, for the checks that depend on it; null leaves those out.</param>
    /// <param name="plans">Where the plans built go for the invocations to start from; null drops them.</param>
    internal static void Validate(
        DependencyCatalog catalog,
        PipelineSetup? setup,
        IEnumerable<Assembly> assemblies,
        PipelineFacts? pipeline = null,
        FunctionPlanCache? plans = null)
    {
        var problems = new List<string>(setup?.OrderProblems() ?? []);
        problems.AddRange(setup?.WrapProblems(catalog.Registered) ?? []);
        var functionsNeedYieldDeps = false;
        foreach (var assembly in assemblies)
        {
            foreach (var (name, method) in FunctionMethodLocator.FunctionsIn(assembly))
            {
                functionsNeedYieldDeps |= UsesDependencies(catalog, new FunctionTarget(name, method));
                try
                {
                    var plan = new PlanBuilder(catalog).Build(new FunctionTarget(name, method));
                    plans?.Add(method, plan);
                    problems.AddRange(HttpRequestProblems(name, method, plan, pipeline));
                    if (plan.HasRequestScoped && pipeline is { UsesAspNetCoreIntegration: false } && HttpTrigger.Is(method))
                    {
                        var requestScoped = plan.Nodes.First(n => n.Descriptor.Scope == DependencyScope.Request).Descriptor;
                        problems.Add(
                            $"Function '{name}': request-scoped dependency {requestScoped.Display} needs the ASP.NET Core integration " +
                            "(builder.ConfigureFunctionsWebApplication()): with the built-in HTTP model the response leaves only after the " +
                            "function's dependencies were torn down, so nothing can stream from it. Use the default scope, or the integration.");
                    }
                }
                catch (DependencyRegistrationException e)
                {
                    problems.AddRange(e.Problems.Select(p => $"Function '{name}': {p}"));
                }
            }
        }

        if (functionsNeedYieldDeps && pipeline is { MiddlewareInstalled: false })
        {
            problems.Add(
                "Functions ask for YieldDeps dependencies, but the YieldDeps middleware is not in the pipeline: " +
                "call builder.UseYieldDependencies(...) on the worker builder (AddYieldDependencies only registers them).");
        }

        if (problems.Count > 0)
        {
            throw new DependencyRegistrationException(problems.Distinct().ToList());
        }
    }

    /// <summary>
    /// A dependency that takes the HTTP request would receive null where there is none: outside an HTTP trigger, or
    /// an ASP.NET Core type on the built-in HTTP model. Declaring the parameter nullable says that is expected.
    /// </summary>
    private static IEnumerable<string> HttpRequestProblems(string function, MethodInfo method, InvocationPlan plan, PipelineFacts? pipeline)
    {
        var isHttp = HttpTrigger.Is(method);
        foreach (var node in plan.Nodes)
        {
            for (var i = 0; i < node.Arguments.Length; i++)
            {
                var argument = node.Arguments[i];
                if (argument.Kind != ArgumentKind.Context || !HttpRequestTypes.IsRequestType(argument.Type) || ParameterNullability.IsOptional(node.Descriptor.Parameters[i]))
                {
                    continue;
                }

                if (!isHttp)
                {
                    yield return $"Function '{function}' is not an HTTP trigger, but dependency {node.Descriptor.Display} takes parameter '{argument.Name}' " +
                        $"of type {TypeNames.Of(argument.Type)}, which only HTTP triggers have. Declare it nullable ({TypeNames.Of(argument.Type)}? {argument.Name}) " +
                        "if the dependency serves other triggers too.";
                }
                else if (pipeline is { UsesAspNetCoreIntegration: false } && HttpRequestTypes.IsAspNetCoreType(argument.Type))
                {
                    yield return $"Function '{function}': dependency {node.Descriptor.Display} takes parameter '{argument.Name}' of type " +
                        $"{TypeNames.Of(argument.Type)}, which only the ASP.NET Core integration (builder.ConfigureFunctionsWebApplication()) provides. " +
                        "Take HttpRequestData instead, or use the integration.";
                }
            }
        }
    }

    private static bool UsesDependencies(DependencyCatalog catalog, FunctionTarget target) =>
        catalog.Globals.Count > 0
        || target.Method.IsDefined(typeof(DependsAttribute), inherit: true)
        || target.Class.IsDefined(typeof(DependsAttribute), inherit: true)
        || target.Method.GetParameters().Any(p => catalog.IsRegistered(p.ParameterType))
        || (!target.Method.IsStatic && ConstructorSelector.Select(target.Class) is { } constructor && constructor.GetParameters().Any(p => catalog.IsRegistered(p.ParameterType)));
}
