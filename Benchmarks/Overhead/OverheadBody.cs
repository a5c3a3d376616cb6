using System.Runtime.CompilerServices;
using YieldDeps.Benchmarks.Chain;

namespace YieldDeps.Benchmarks.Overhead;

/// <summary>The body every variant runs on the last resource of the chain: reads it, or throws for the failure path.</summary>
public static class OverheadBody
{
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static int Run(Resource last) => last.Open ? 1 : 0;

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static int Fail(Resource last) => throw new BodyFailedException(last.Open);
}
