using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace BenchmarkApp;

/// <summary>The two endpoints compared end to end, and the memory probe the script reads between rounds.</summary>
public static class PingFunctions
{
    [Function("Ping")]
    public static IActionResult Ping(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "ping")] HttpRequest request,
        FunctionContext context)
    {
        Count(context);
        return new OkObjectResult("pong");
    }

    [Function("PingDeps")]
    public static IActionResult PingDeps(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "ping-deps")] HttpRequest request,
        ResourceC c,
        FunctionContext context)
    {
        Count(context);
        return new OkObjectResult(c.Open && c.B.Open && c.B.A.Open ? "pong" : "closed");
    }

    /// <summary>
    /// The worker's memory after a full, compacting collection (what it retains), its resident set, and the number
    /// of benchmarked invocations so far.
    /// </summary>
    [Function("Memory")]
    public static IActionResult Memory(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "memory")] HttpRequest request,
        FunctionContext context)
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true);
        using var process = Process.GetCurrentProcess();
        var invocations = (Invocations)context.InstanceServices.GetService(typeof(Invocations))!;
        return new OkObjectResult(new
        {
            invocations = invocations.Count,
            gcHeapBytes = GC.GetTotalMemory(forceFullCollection: false),
            workingSetBytes = process.WorkingSet64,
        });
    }

    private static void Count(FunctionContext context) =>
        ((Invocations)context.InstanceServices.GetService(typeof(Invocations))!).Add();
}
