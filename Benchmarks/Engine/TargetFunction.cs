using YieldDeps.Benchmarks.Chain;

namespace YieldDeps.Benchmarks.Engine;

/// <summary>The function the engine plans for: it takes the end of the chain, so the plan holds A, B and C.</summary>
public static class TargetFunction
{
    public static int Run(C c) => Body.Run(c);
}
