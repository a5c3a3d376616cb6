using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using YieldDeps.Diagnostics;
using YieldDeps.Engine;

namespace YieldDeps.Functions;

/// <summary>
/// One plan per function, reused by all its invocations so that an invocation does no reflection. It starts from the
/// plans startup validation built (<see cref="DependencyValidationService"/>), found by the function's entry point;
/// a function startup did not scan gets its plan built on its first invocation. A plan built before the overrides
/// changed is rebuilt.
/// </summary>
internal sealed class FunctionPlanCache(DependencyCatalog catalog, LoggingDependencyEvents events)
{
    private readonly ConcurrentDictionary<string, FunctionEntry> _functions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, FunctionEntry> _validated = new(StringComparer.Ordinal);

    public DependencyCatalog Catalog => catalog;

    /// <summary>Keeps the plan startup validation built for a function method, for its invocations to start from.</summary>
    public void Add(MethodInfo method, InvocationPlan plan)
    {
        _validated[FunctionMethodLocator.EntryPointOf(method)] = new FunctionEntry(plan, HttpTrigger.Is(method), catalog.FailWhen);
        events.FunctionPath(plan);
    }

    public FunctionEntry Get(FunctionContext context)
    {
        if (_functions.TryGetValue(context.FunctionId, out var entry) && IsCurrent(entry))
        {
            return entry;
        }

        var definition = context.FunctionDefinition;
        if (!_validated.TryGetValue(definition.EntryPoint, out entry) || !IsCurrent(entry) || entry.Plan.FunctionName != definition.Name)
        {
            entry = new FunctionEntry(Build(definition), HttpTrigger.Is(definition), catalog.FailWhen);
            events.FunctionPath(entry.Plan);
        }

        _functions[context.FunctionId] = entry;
        return entry;
    }

    private bool IsCurrent(FunctionEntry entry) => entry.Plan.OverridesVersion == catalog.Overrides.Version;

    private InvocationPlan Build(FunctionDefinition definition)
    {
        var method = FunctionMethodLocator.Locate(definition);
        try
        {
            return new PlanBuilder(catalog).Build(new FunctionTarget(definition.Name, method));
        }
        catch (DependencyRegistrationException e)
        {
            throw new DependencyRegistrationException(e.Problems.Select(p => $"Function '{definition.Name}': {p}").ToList());
        }
    }
}
