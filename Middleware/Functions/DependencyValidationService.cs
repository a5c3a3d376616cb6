using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using YieldDeps.Engine;

namespace YieldDeps.Functions;

/// <summary>
/// Fails host startup on a registration that can never work: builds the catalogue (missing registrations, cycles,
/// unresolvable parameters) and the plan of every <c>[Function]</c> method of the app, and reports every problem at
/// once, naming the dependencies and functions involved.
/// </summary>
internal sealed class DependencyValidationService(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var catalog = services.GetRequiredService<DependencyCatalog>();
        if (Assembly.GetEntryAssembly() is { } app)
        {
            Validate(catalog, app);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    internal static void Validate(DependencyCatalog catalog, Assembly app)
    {
        var problems = new List<string>();
        foreach (var (name, method) in FunctionMethodLocator.FunctionsIn(app))
        {
            try
            {
                new PlanBuilder(catalog).Build(new FunctionTarget(name, method));
            }
            catch (DependencyRegistrationException e)
            {
                problems.AddRange(e.Problems.Select(p => $"Function '{name}': {p}"));
            }
        }

        if (problems.Count > 0)
        {
            throw new DependencyRegistrationException(problems);
        }
    }
}
