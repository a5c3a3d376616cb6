using YieldDeps.Benchmarks.Chain;

namespace YieldDeps.Benchmarks.Engine;

/// <summary>The chain as async-iterator dependencies, the style the README leads with.</summary>
public static class AsyncIteratorChain
{
    public static async IAsyncEnumerable<A> EnterA()
    {
        await using var a = new A();
        yield return a;
        a.Commit();
    }

    public static async IAsyncEnumerable<B> EnterB(A a)
    {
        await using var b = new B(a);
        yield return b;
        b.Commit();
    }

    public static async IAsyncEnumerable<C> EnterC(B b)
    {
        await using var c = new C(b);
        yield return c;
        c.Commit();
    }

    public static void Register(DependencyRegistry deps) => deps.Add(EnterA).Add(EnterB).Add(EnterC);
}
