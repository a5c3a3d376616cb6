using System.Runtime.ExceptionServices;
using Microsoft.Extensions.Logging.Abstractions;
using YieldDeps.Benchmarks.Chain;
using YieldDeps.Diagnostics;
using YieldDeps.Engine;

namespace YieldDeps.Benchmarks.Engine;

/// <summary>
/// One registration style of the chain, prepared as the middleware prepares a function at startup (catalog and plan
/// built once), then run per invocation exactly as the middleware runs it: new invocation, setup, hand the value to
/// the body, teardown. Logging goes through the real event sink with logging disabled, as in production at
/// Information level where the per-dependency events are Debug.
/// </summary>
internal sealed class EngineChain
{
    private static readonly BenchmarkInvocationHost Host = new();

    private readonly DependencyCatalog _catalog;
    private readonly InvocationPlan _plan;
    private readonly LoggingDependencyEvents _events = new(NullLoggerFactory.Instance);

    public EngineChain(Action<DependencyRegistry> register, bool telemetry = true)
    {
        var registry = new DependencyRegistry();
        register(registry);
        _catalog = new DependencyCatalog(registry, new DependencyOverrides(), Host, services: null, telemetry: telemetry);
        var method = typeof(TargetFunction).GetMethod(nameof(TargetFunction.Run))!;
        _plan = new PlanBuilder(_catalog).Build(new FunctionTarget(nameof(TargetFunction), method));
    }

    /// <summary>Runs one invocation; returns what the body returned, or throws what the invocation ends with.</summary>
    public async ValueTask<int> RunAsync(Func<C, int> body)
    {
        var invocation = new DependencyInvocation(_plan, Host, _events);
        Exception? failure = null;
        var result = 0;
        try
        {
            await invocation.SetupAsync(CancellationToken.None).ConfigureAwait(false);
            invocation.TryTakeParameterValue(typeof(C), out var value);
            result = body((C)value!);
        }
        catch (Exception e)
        {
            failure = e;
        }

        var final = await invocation.TeardownAsync(failure).ConfigureAwait(false);
        if (final is not null)
        {
            // As the middleware does for a non-HTTP trigger: the host gets the original exception after teardown.
            ExceptionDispatchInfo.Throw(final);
        }

        return result;
    }
}
