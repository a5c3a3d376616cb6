using YieldDeps.Engine;

namespace YieldDeps.Functions;

/// <summary>What the adapter caches per function: the engine's plan and whether the function is an HTTP trigger.</summary>
internal sealed class FunctionEntry(InvocationPlan plan, bool isHttp)
{
    public InvocationPlan Plan { get; } = plan;

    public bool IsHttp { get; } = isHttp;
}
