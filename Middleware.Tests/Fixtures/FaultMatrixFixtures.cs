using System.Runtime.CompilerServices;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Data.Sqlite;

namespace YieldDeps.Tests.Fixtures;

/// <summary>Where the fault matrix injects its faults into the chain of three; positions are 1 (outermost) to 3.</summary>
public sealed class MatrixFaults
{
    public int? SetupFailsAt { get; set; }

    public int? CommitFailsAt { get; set; }

    public int? RollbackFailsAt { get; set; }

    public bool BodyFails { get; set; }

    /// <summary>Gets or sets where the invocation is cancelled: "setup 2", "body" or "teardown 3".</summary>
    public string? CancelAt { get; set; }

    public CancellationTokenSource? Invocation { get; set; }

    public void Step(string where)
    {
        if (CancelAt == where)
        {
            Invocation!.Cancel();
        }
    }
}

public sealed class SecondStep(NotesSession session)
{
    public NotesSession Session { get; } = session;
}

public sealed class ThirdStep(SecondStep second)
{
    public SecondStep Second { get; } = second;
}

/// <summary>
/// A chain of three yield dependencies on one real SQLite transaction: 1 opens it and commits after the yield; 2 and 3
/// each write a row during setup. Every step journals itself, and <see cref="MatrixFaults"/> makes any of them fail.
/// </summary>
public static class FaultChain
{
    public static void Register(DependencyRegistry deps) => deps.Add(Open).Add(Second).Add(Third);

    public static async IAsyncEnumerable<NotesSession> Open(
        SqliteTestDatabase database, Journal journal, MatrixFaults faults, InvocationOutcome outcome, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        journal.Add("setup 1");
        Fail(faults.SetupFailsAt == 1, new SetupFailedException("1"));
        await using var connection = new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        try
        {
            yield return new NotesSession(connection, transaction);
            Fail(faults.CommitFailsAt == 1, new CommitFailedException("1"));
            await transaction.CommitAsync(outcome.TeardownToken);
            journal.Add("commit 1");
        }
        finally
        {
            journal.Add($"finally 1 ({outcome.Status})");
            Fail(faults.RollbackFailsAt == 1 && outcome.IsFailure, new RollbackFailedException("1"));
        }
    }

    public static async IAsyncEnumerable<SecondStep> Second(NotesSession session, Journal journal, MatrixFaults faults, InvocationOutcome outcome)
    {
        journal.Add("setup 2");
        await session.AddAsync("step 2");
        faults.Step("setup 2");
        Fail(faults.SetupFailsAt == 2, new SetupFailedException("2"));
        try
        {
            yield return new SecondStep(session);
            Fail(faults.CommitFailsAt == 2, new CommitFailedException("2"));
            journal.Add("resume 2");
        }
        finally
        {
            journal.Add($"finally 2 ({outcome.Status})");
            Fail(faults.RollbackFailsAt == 2 && outcome.IsFailure, new RollbackFailedException("2"));
        }
    }

    public static async IAsyncEnumerable<ThirdStep> Third(SecondStep second, Journal journal, MatrixFaults faults, InvocationOutcome outcome)
    {
        journal.Add("setup 3");
        await second.Session.AddAsync("step 3");
        Fail(faults.SetupFailsAt == 3, new SetupFailedException("3"));
        try
        {
            yield return new ThirdStep(second);
            faults.Step("teardown 3");
            Fail(faults.CommitFailsAt == 3, new CommitFailedException("3"));
            journal.Add("resume 3");
        }
        finally
        {
            journal.Add($"finally 3 ({outcome.Status})");
            Fail(faults.RollbackFailsAt == 3 && outcome.IsFailure, new RollbackFailedException("3"));
        }
    }

    private static void Fail(bool when, Exception exception)
    {
        if (when)
        {
            throw exception;
        }
    }
}

public sealed class FaultMatrixFunctions(Journal journal, MatrixFaults faults)
{
    public async Task Run([QueueTrigger("matrix")] string message, ThirdStep third)
    {
        journal.Add("body");
        await third.Second.Session.AddAsync("body");
        faults.Step("body");
        if (faults.BodyFails)
        {
            throw new BodyFailedException();
        }
    }
}
