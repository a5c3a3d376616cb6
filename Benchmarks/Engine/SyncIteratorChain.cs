using YieldDeps.Benchmarks.Chain;

namespace YieldDeps.Benchmarks.Engine;

/// <summary>The chain as sync-iterator dependencies: no async state machine, a plain enumerator per dependency.</summary>
public static class SyncIteratorChain
{
    public static IEnumerable<A> EnterA()
    {
        using var a = new A();
        yield return a;
        a.Commit();
    }

    public static IEnumerable<B> EnterB(A a)
    {
        using var b = new B(a);
        yield return b;
        b.Commit();
    }

    public static IEnumerable<C> EnterC(B b)
    {
        using var c = new C(b);
        yield return c;
        c.Commit();
    }

    public static void Register(DependencyRegistry deps) => deps.Add(EnterA).Add(EnterB).Add(EnterC);
}
