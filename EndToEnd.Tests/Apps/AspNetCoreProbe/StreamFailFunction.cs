using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace AspNetCoreProbe;

/// <summary>Streams its first line, then fails once the tag's gate opens: the invocation fails after its response started.</summary>
internal sealed class StreamFailFunction
{
    [Function("StreamFail")]
    public static IActionResult Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "stream-fail/{tag}")] HttpRequest request,
        string tag) =>
        new GatedLinesResult(tag, failAfterFirstLine: true);
}
