using Microsoft.Azure.Functions.Worker;

namespace YieldDeps.Tests.Fixtures;

public sealed class Never;

public sealed class Twice;

public static class BrokenDependencies
{
    public static async IAsyncEnumerable<Never> NeverYields()
    {
        await Task.Yield();
        yield break;
    }

    public static IEnumerable<Twice> YieldsTwice(Journal journal)
    {
        try
        {
            yield return new Twice();
            yield return new Twice();
        }
        finally
        {
            journal.Add("twice finally");
        }
    }
}

public sealed class BrokenFunctions(Journal journal)
{
    public void NeverYields([QueueTrigger("broken")] string message, C c, Never never) => journal.Add("body");

    public void YieldsTwice([QueueTrigger("broken")] string message, C c, Twice twice) => journal.Add("body");
}
