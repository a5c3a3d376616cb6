using System.Runtime.CompilerServices;
using Microsoft.Azure.Functions.Worker;

namespace YieldDeps.Tests.Fixtures;

public sealed class Guarded;

public sealed class Hung;

public sealed class Gate
{
    public TaskCompletionSource Released { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}

public static class CancellationDependencies
{
    /// <summary>Journals the token state at setup and, in its finally, what the teardown token says.</summary>
    public static async IAsyncEnumerable<Guarded> Guard(Journal journal, InvocationOutcome outcome, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Yield();
        journal.Add($"setup token-can-cancel={cancellationToken.CanBeCanceled}");
        try
        {
            yield return new Guarded();
            journal.Add("guard resumed");
        }
        finally
        {
            journal.Add($"guard finally {outcome.Status} teardown-token-cancelled={outcome.TeardownToken.IsCancellationRequested}");
        }
    }

    /// <summary>A teardown that never finishes on its own: only the teardown deadline ends the wait.</summary>
    public static async IAsyncEnumerable<Hung> Hang(Gate gate)
    {
        await Task.Yield();
        try
        {
            yield return new Hung();
        }
        finally
        {
            await gate.Released.Task;
        }
    }
}

public sealed class CancellationFunctions(Journal journal, Faults faults)
{
    public void Run([QueueTrigger("cancel")] string message, Guarded guarded, CancellationToken cancellationToken)
    {
        journal.Add($"body token-can-cancel={cancellationToken.CanBeCanceled}");
        faults.CancelDuringBody?.Cancel();
        if (faults.BodyFails)
        {
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    public void Hangs([QueueTrigger("cancel")] string message, Guarded guarded, Hung hung) => journal.Add("body");

    public void WithLedger([QueueTrigger("cancel")] string message, Ledger ledger) => faults.CancelDuringBody?.Cancel();
}
