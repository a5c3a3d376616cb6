using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace YieldDeps.Telemetry.Tests;

public sealed record Connection(string Name);

public sealed record Transaction(Connection Connection);

public sealed record BrokenCommit;

public sealed record SlowCommit;

public sealed record BrokenSetup;

/// <summary>Dependencies in the styles users write: a connection, and a transaction on it that commits on success.</summary>
public static class Dependencies
{
    /// <summary>Registers every dependency below.</summary>
    public static void Register(DependencyRegistry deps)
    {
        deps.Add(Open);
        deps.Add(Begin);
        deps.Add(CommitFails);
        deps.Add(CommitHangs);
        deps.Add(SetupFails);
    }

    public static async IAsyncEnumerable<Connection> Open([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Yield();
        yield return new Connection("db");
    }

    public static async IAsyncEnumerable<Transaction> Begin(Connection connection)
    {
        await Task.Yield();
        yield return new Transaction(connection);
    }

    /// <summary>Fails in its <c>finally</c>: on success as a failed commit, on failure as a failed cleanup.</summary>
    public static IEnumerable<BrokenCommit> CommitFails()
    {
        try
        {
            yield return new BrokenCommit();
        }
        finally
        {
            throw new InvalidOperationException("the commit failed");
        }
    }

    public static async IAsyncEnumerable<SlowCommit> CommitHangs()
    {
        yield return new SlowCommit();
        // Ignores the teardown token on purpose: only the deadline ends this.
        await Task.Delay(Timeout.InfiniteTimeSpan, CancellationToken.None);
    }

    public static Task<BrokenSetup> SetupFails() => throw new TimeoutException("no connection");
}

public static class Functions
{
    [Function(nameof(Process))]
    public static void Process([QueueTrigger("jobs")] string message, Transaction transaction)
    {
    }

    [Function(nameof(ProcessAndFail))]
    public static void ProcessAndFail([QueueTrigger("jobs")] string message, Transaction transaction) =>
        throw new InvalidOperationException("the function failed");

    [Function(nameof(ProcessWithBrokenCommit))]
    public static void ProcessWithBrokenCommit([QueueTrigger("jobs")] string message, Transaction transaction, BrokenCommit commit)
    {
    }

    [Function(nameof(FailWithBrokenCommit))]
    public static void FailWithBrokenCommit([QueueTrigger("jobs")] string message, BrokenCommit commit) =>
        throw new InvalidOperationException("the function failed");

    [Function(nameof(ProcessWithSlowCommit))]
    public static void ProcessWithSlowCommit([QueueTrigger("jobs")] string message, SlowCommit commit)
    {
    }

    [Function(nameof(ProcessWithBrokenSetup))]
    public static void ProcessWithBrokenSetup([QueueTrigger("jobs")] string message, Connection connection, BrokenSetup setup)
    {
    }

    [Function(nameof(HttpCrash))]
    public static IActionResult HttpCrash([HttpTrigger("post", Route = "crash")] HttpRequest request, Transaction transaction) =>
        throw new InvalidOperationException("the function failed");

    [Function(nameof(HttpConflict))]
    public static IActionResult HttpConflict([HttpTrigger("post", Route = "conflict")] HttpRequest request, Transaction transaction) =>
        throw new HttpProblemException(409, "Out of stock.");

    [Function(nameof(HttpOk))]
    public static IActionResult HttpOk([HttpTrigger("post", Route = "ok")] HttpRequest request, Transaction transaction) =>
        new OkResult();
}
