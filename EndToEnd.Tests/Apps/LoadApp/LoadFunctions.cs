using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace LoadApp;

public static class LoadFunctions
{
    /// <summary>
    /// Inserts the row <paramref name="id"/> in the session's transaction; with fault <c>body</c> the body throws
    /// after its insert, with fault <c>commit</c> the session's teardown does.
    /// </summary>
    [Function("Insert")]
    public static async Task<IActionResult> Insert(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "load/{id}/{fault}")] HttpRequest request,
        string id,
        string fault,
        LoadSession session,
        CancellationToken cancellationToken)
    {
        await session.InsertAsync(id, cancellationToken);
        if (fault == "body")
        {
            throw new InvalidOperationException($"Injected body failure for {id}.");
        }

        return new OkResult();
    }

    /// <summary>The counters and the journal, for the test to compare with the database.</summary>
    [Function("State")]
    public static IActionResult State(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "state")] HttpRequest request,
        LoadCounters counters,
        LoadJournal journal) =>
        new OkObjectResult(new LoadState(
            counters.Entered, counters.Exited, counters.OpenConnections, counters.VerifiedCommitted, counters.VerifiedNotCommitted, counters.UnknownCommits, journal.Snapshot()));

    /// <summary>
    /// Collects the garbage (twice, around the finalizers), so that the worker's memory read next is what it holds on
    /// to rather than what the collector has not got round to yet, and answers the size of the managed heap left.
    /// </summary>
    [Function("CollectGarbage")]
    public static IActionResult CollectGarbage(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "gc")] HttpRequest request)
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        return new OkObjectResult(new LoadHeap(GC.GetGCMemoryInfo().HeapSizeBytes));
    }

    /// <summary>
    /// Closes the idle connections of the app's pool (on PostgreSQL), which the test asks for only when sessions of
    /// the app outlive the pool's pruning: a connection the app holds is not idle, and stays open.
    /// </summary>
    [Function("ClearPool")]
    public static IActionResult ClearPool(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "pool/clear")] HttpRequest request,
        LoadDatabase database)
    {
        database.ClearPool();
        return new NoContentResult();
    }

    /// <summary>Forgets the journal between rounds, so a round's journal holds that round only.</summary>
    [Function("ClearJournal")]
    public static IActionResult ClearJournal(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "journal/clear")] HttpRequest request,
        LoadJournal journal)
    {
        journal.Clear();
        return new NoContentResult();
    }
}
