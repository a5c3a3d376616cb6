using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using ProbeShared;

namespace AspNetCoreProbe;

/// <summary>Streams its first line, then fails once the tag's gate opens: the invocation fails after its response started.</summary>
internal sealed class StreamFailFunction(ProbeEvents events)
{
    [Function("StreamFail")]
    public IActionResult Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "stream-fail/{tag}")] HttpRequest request,
        string tag) =>
        new GatedLinesResult(events, tag, failAfterFirstLine: true);
}
