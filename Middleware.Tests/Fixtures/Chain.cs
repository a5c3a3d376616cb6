namespace YieldDeps.Tests.Fixtures;

/// <summary>A resource that knows whether it is still open, so a dependant can check it during its own teardown.</summary>
public abstract class Resource
{
    public bool Open { get; set; } = true;
}

public sealed class A : Resource;

public sealed class B(A a) : Resource
{
    public A A { get; } = a;
}

public sealed class C(B b) : Resource
{
    public B B { get; } = b;
}

/// <summary>
/// The chain A &lt;- B &lt;- C of async-iterator dependencies. Each journals its setup, resume and finally, and can be told
/// by <see cref="Faults"/> to fail in any of them.
/// </summary>
public static class Chain
{
    public static async IAsyncEnumerable<A> EnterA(Journal journal, Faults faults, InvocationOutcome outcome)
    {
        await Task.Yield();
        A? a = null;
        try
        {
            a = Enter("A", journal, faults, () => new A());
            yield return a;
            Resume("A", journal, faults);
        }
        finally
        {
            Finish("A", a, journal, faults, outcome, sub: null);
        }
    }

    public static async IAsyncEnumerable<B> EnterB(A a, Journal journal, Faults faults, InvocationOutcome outcome)
    {
        await Task.Yield();
        B? b = null;
        try
        {
            b = Enter("B", journal, faults, () => new B(a));
            yield return b;
            Resume("B", journal, faults);
        }
        finally
        {
            Finish("B", b, journal, faults, outcome, sub: a);
        }
    }

    public static async IAsyncEnumerable<C> EnterC(B b, Journal journal, Faults faults, InvocationOutcome outcome)
    {
        await Task.Yield();
        C? c = null;
        try
        {
            c = Enter("C", journal, faults, () => new C(b));
            yield return c;
            Resume("C", journal, faults);
        }
        finally
        {
            Finish("C", c, journal, faults, outcome, sub: b);
        }
    }

    public static void Register(DependencyRegistry deps) => deps.Add(EnterA).Add(EnterB).Add(EnterC);

    private static T Enter<T>(string name, Journal journal, Faults faults, Func<T> create)
    {
        journal.Add($"setup {name}");
        if (faults.SetupFailsAt == name)
        {
            throw new SetupFailedException(name);
        }

        return create();
    }

    private static void Resume(string name, Journal journal, Faults faults)
    {
        journal.Add($"resume {name}");
        if (faults.CommitFailsAt == name)
        {
            throw new CommitFailedException(name);
        }
    }

    private static void Finish(string name, Resource? self, Journal journal, Faults faults, InvocationOutcome outcome, Resource? sub)
    {
        var subState = sub is null ? string.Empty : sub.Open ? " sub-open" : " sub-closed";
        journal.Add($"finally {name} {outcome.Status} {outcome.Exception?.GetType().Name ?? "-"}{subState}");
        if (self is not null)
        {
            self.Open = false;
        }

        if (faults.RollbackFailsAt == name && outcome.IsFailure)
        {
            throw new RollbackFailedException(name);
        }
    }
}
