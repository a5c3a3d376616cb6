using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace AspNetCoreProbe;

/// <summary>Streams <see cref="GatedLinesResult.LineCount"/> lines, pausing after the first until the tag's gate opens.</summary>
internal sealed class StreamFunction
{
    [Function("Stream")]
    public static IActionResult Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "stream/{tag}")] HttpRequest request,
        string tag) =>
        new GatedLinesResult(tag, failAfterFirstLine: false);
}
