using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace StreamingApp;

/// <summary>
/// The streaming mistake, made on purpose: results read lazily from a function-scoped dependency, which is closed by
/// the time the response is written. YieldDeps logs event ResponseAfterTeardown naming the function, the dependency
/// and the fix; the analyzer's YD0008 would flag these functions, so it is silenced here.
/// </summary>
public static class LazyExportFunctions
{
#pragma warning disable YD0008 // A lazily read result from a function-scoped dependency: the mistake under test.

    /// <summary>Fails on the first item, before any byte of the response is written.</summary>
    [Function("LazyExport")]
    public static IResult LazyExport(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "lazy/{tag}")] HttpRequest request,
        string tag,
        ItemReader reader) => Results.Ok(reader.ItemsAsync());

    /// <summary>Writes one large item first, so the response has started when the reading fails.</summary>
    [Function("LazyExportAfterStart")]
    public static IResult LazyExportAfterStart(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "lazy-late/{tag}")] HttpRequest request,
        string tag,
        ItemReader reader) => Results.Ok(StartThenRead(reader));

#pragma warning restore YD0008

    private static async IAsyncEnumerable<Item> StartThenRead(ItemReader reader)
    {
        yield return new Item(0, new string('x', 256 * 1024));
        await foreach (var item in reader.ItemsAsync())
        {
            yield return item;
        }
    }
}
