using YieldDeps.Engine;

namespace YieldDeps.Functions;

/// <summary>What the adapter caches per function: the engine's plan, whether the function is an HTTP trigger, and how its invocations run.</summary>
internal sealed class FunctionEntry(InvocationPlan plan, bool isHttp, Func<InvocationOutcome, bool>? failWhen)
{
    public InvocationPlan Plan { get; } = plan;

    public bool IsHttp { get; } = isHttp;

    /// <summary>
    /// Gets how the middleware runs the function, decided once: straight through when the plan is empty (for HTTP,
    /// still with the HTTP mapping, unless an app-wide failure rule must see the result), otherwise with the engine.
    /// </summary>
    public InvocationPath Path { get; } = !plan.IsEmpty ? InvocationPath.Engine
        : !isHttp ? InvocationPath.Direct
        : failWhen is null ? InvocationPath.HttpDirect
        : InvocationPath.Engine;

    /// <summary>Gets the dependencies torn down before the response when none is kept for it; null when there is none.</summary>
    public TornDownBeforeResponse? TornDownBeforeResponse { get; } = TornDownBeforeResponse.Of(plan, requestScopedKept: false);

    /// <summary>Gets the dependencies torn down before the response when the request-scoped ones are kept for it; null when there is none.</summary>
    public TornDownBeforeResponse? TornDownBeforeKeptResponse { get; } = TornDownBeforeResponse.Of(plan, requestScopedKept: true);
}
