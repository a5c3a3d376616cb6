using System.Runtime.CompilerServices;

namespace YieldDeps.Benchmarks.Chain;

/// <summary>The function body every benchmark runs: reads the chain, and throws when the failure path is measured.</summary>
public static class Body
{
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static int Run(C c) => c.Open && c.B.Open && c.B.A.Open ? 1 : 0;

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static int Fail(C c) => throw new BodyFailedException(c.Open);
}
