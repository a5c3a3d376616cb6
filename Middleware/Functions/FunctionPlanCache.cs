using System.Collections.Concurrent;
using Microsoft.Azure.Functions.Worker;
using YieldDeps.Engine;

namespace YieldDeps.Functions;

/// <summary>
/// One plan per function, built on its first invocation and reused, so an invocation does no reflection.
/// A plan built before the overrides changed is rebuilt.
/// </summary>
internal sealed class FunctionPlanCache(DependencyCatalog catalog)
{
    private readonly ConcurrentDictionary<string, FunctionEntry> _functions = new(StringComparer.Ordinal);

    public DependencyCatalog Catalog => catalog;

    public FunctionEntry Get(FunctionContext context)
    {
        if (_functions.TryGetValue(context.FunctionId, out var entry) && entry.Plan.OverridesVersion == catalog.Overrides.Version)
        {
            return entry;
        }

        var definition = context.FunctionDefinition;
        entry = new FunctionEntry(Build(definition), HttpResults.IsHttpTrigger(definition), catalog.FailWhen);
        _functions[context.FunctionId] = entry;
        return entry;
    }

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
