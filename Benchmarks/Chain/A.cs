namespace YieldDeps.Benchmarks.Chain;

/// <summary>The innermost resource of the chain A &lt;- B &lt;- C.</summary>
public sealed class A : Resource;
