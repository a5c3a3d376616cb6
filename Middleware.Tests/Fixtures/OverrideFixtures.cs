namespace YieldDeps.Tests.Fixtures;

/// <summary>Replacements for the chain's B: they need nothing of the original's sub-dependencies.</summary>
public static class Replacements
{
    public static async IAsyncEnumerable<B> FakeB(Journal journal)
    {
        await Task.Yield();
        journal.Add("setup fake B");
        try
        {
            yield return new B(new A());
        }
        finally
        {
            journal.Add("finally fake B");
        }
    }
}

public sealed class FakeBDependency(Journal journal) : IDependency<B>
{
    public ValueTask<B> EnterAsync(CancellationToken cancellationToken)
    {
        journal.Add("enter class B");
        return new(new B(new A()));
    }

    public ValueTask ExitAsync(B value, Exception? exception, CancellationToken cancellationToken)
    {
        journal.Add("exit class B");
        return default;
    }
}
