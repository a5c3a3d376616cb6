using Microsoft.Azure.Functions.Worker;

namespace YieldDeps.Tests.Fixtures;

public sealed class Tally
{
    public int Value { get; set; } = 1;
}

public static class SyncDependencies
{
    public static IEnumerable<Tally> Counter(Journal journal, InvocationOutcome outcome)
    {
        journal.Add("sync setup");
        try
        {
            yield return new Tally();
            journal.Add("sync resume");
        }
        finally
        {
            journal.Add($"sync finally {outcome.Status}");
        }
    }
}

public sealed class SyncFunctions(Journal journal, Faults faults)
{
    public void Run([QueueTrigger("sync")] string message, Tally tally)
    {
        journal.Add($"body {message} {tally.Value}");
        if (faults.BodyFails)
        {
            throw new BodyFailedException();
        }
    }
}
