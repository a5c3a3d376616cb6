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

/// <summary>A type no registration provides: an override brings it in.</summary>
public sealed record Stamp(string Value);

/// <summary>Replacements that ask for a sub-dependency type the app never registered.</summary>
public static class StampedReplacements
{
    public static Stamp MakeStamp() => new("stamp-1");

    public static Stamp BrokenStamp(Opaque opaque) => new(opaque.ToString()!);

    public static B StampedB(Stamp stamp, Journal journal)
    {
        journal.Add($"setup B with {stamp.Value}");
        return new B(new A());
    }
}
