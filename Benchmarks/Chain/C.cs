namespace YieldDeps.Benchmarks.Chain;

/// <summary>The outer resource the function asks for: needs B.</summary>
public sealed class C(B b) : Resource
{
    public B B { get; } = b;
}
