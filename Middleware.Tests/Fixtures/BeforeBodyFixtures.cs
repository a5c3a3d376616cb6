using Microsoft.Azure.Functions.Worker;

namespace YieldDeps.Tests.Fixtures;

public sealed class Ambient;

/// <summary>
/// A dependency that sets one <see cref="AsyncLocal{T}"/> during its own setup and another through
/// <see cref="InvocationOutcome.RunBeforeBody"/>, then journals what its teardown sees of both.
/// </summary>
public static class BeforeBodyFixtures
{
    public static readonly AsyncLocal<string?> SetInSetup = new();

    public static readonly AsyncLocal<string?> SetBeforeBody = new();

    public static async IAsyncEnumerable<Ambient> Open(Journal journal, InvocationOutcome outcome)
    {
        await Task.Yield();
        SetInSetup.Value = "setup";
        outcome.RunBeforeBody(() => SetBeforeBody.Value = "before body");
        try
        {
            yield return new Ambient();
        }
        finally
        {
            journal.Add($"teardown sees {SetInSetup.Value ?? "-"} / {SetBeforeBody.Value ?? "-"}");
        }
    }
}

public sealed class BeforeBodyFunctions(Journal journal)
{
    public string Run([QueueTrigger("ambient")] string message, Ambient ambient)
    {
        journal.Add($"body sees {BeforeBodyFixtures.SetInSetup.Value ?? "-"} / {BeforeBodyFixtures.SetBeforeBody.Value ?? "-"}");
        return message;
    }
}
