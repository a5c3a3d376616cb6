using System.Runtime.ExceptionServices;
using Microsoft.Extensions.Logging.Abstractions;
using YieldDeps.Benchmarks.Chain;
using YieldDeps.Benchmarks.Engine;
using YieldDeps.Diagnostics;
using YieldDeps.Engine;

namespace YieldDeps.Benchmarks.Overhead;

/// <summary>
/// A chain of a given length in one registration style, prepared as the middleware prepares a function (catalog and
/// plan built once), then run per invocation as the middleware runs it: new invocation, setup, the value handed to
/// the function's parameter, the body, teardown, and the final exception rethrown as for a non-HTTP trigger.
/// </summary>
internal sealed class OverheadEngine
{
    private static readonly BenchmarkInvocationHost Host = new();

    private readonly DependencyCatalog _catalog;
    private readonly InvocationPlan _plan;
    private readonly Type _last;
    private readonly LoggingDependencyEvents _events = new(NullLoggerFactory.Instance);

    public OverheadEngine(Action<DependencyRegistry, int> register, int length, bool telemetry = true, bool generated = true)
    {
        var registry = new DependencyRegistry { UseGeneratedCode = generated };
        register(registry, length);
        _catalog = new DependencyCatalog(registry, new DependencyOverrides(), Host, services: null, telemetry: telemetry);
        _last = ScopedLinks.Last(length);
        _plan = BuildPlan(_catalog, length);
        if (_plan.Generated != generated)
        {
            throw new InvalidOperationException($"The chain's plan runs on {(_plan.Generated ? "generated code" : "the run-time engine")}, not as the variant says: {_plan.RuntimeReason}");
        }
    }

    /// <summary>Gets the catalog, whose telemetry a comparison may take away.</summary>
    public DependencyCatalog Catalog => _catalog;

    /// <summary>Builds the plan of the function taking the end of the chain: what the first invocation of a function does.</summary>
    public static InvocationPlan BuildPlan(DependencyCatalog catalog, int length)
    {
        var method = typeof(OverheadTargets).GetMethod($"Run{length}")!;
        return new PlanBuilder(catalog).Build(new FunctionTarget($"Run{length}", method));
    }

    public async ValueTask<int> RunAsync(Func<Resource, int> body)
    {
        var invocation = new DependencyInvocation(_plan, Host, _events);
        Exception? failure = null;
        var result = 0;
        try
        {
            await invocation.SetupAsync(CancellationToken.None).ConfigureAwait(false);
            invocation.Outcome.EnterBody();
            invocation.TryTakeParameterValue(_last, out var value);
            result = body((Resource)value!);
        }
        catch (Exception e)
        {
            failure = e;
        }

        var final = await invocation.TeardownAsync(failure).ConfigureAwait(false);
        if (final is not null)
        {
            ExceptionDispatchInfo.Throw(final);
        }

        return result;
    }
}
