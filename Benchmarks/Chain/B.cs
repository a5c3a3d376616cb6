namespace YieldDeps.Benchmarks.Chain;

/// <summary>The middle resource: needs A.</summary>
public sealed class B(A a) : Resource
{
    public A A { get; } = a;
}
