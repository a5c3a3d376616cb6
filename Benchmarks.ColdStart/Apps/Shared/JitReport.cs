using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace ColdStart.Apps;

/// <summary>
/// What the worker's JIT compiler did so far, for the cold-start runner: the methods it compiled and the time it spent,
/// over all threads. Read right after the first 200, it tells what starting the app and serving one request compiled;
/// the same in every app of the benchmark, so the differences are the apps' own.
/// </summary>
public static class JitReport
{
    [Function("Jit")]
    public static IActionResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "jit")] HttpRequest request) =>
        new ContentResult
        {
            Content = FormattableString.Invariant(
                $"jit methods={System.Runtime.JitInfo.GetCompiledMethodCount()} ms={System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds:F2}"),
            ContentType = "text/plain",
        };
}
