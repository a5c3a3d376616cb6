using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using ProbeShared;

namespace AspNetCoreProbe;

/// <summary>Streams <see cref="GatedLinesResult.LineCount"/> lines, pausing after the first until the tag's gate opens.</summary>
internal sealed class StreamFunction(ProbeEvents events)
{
    [Function("Stream")]
    public IActionResult Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "stream/{tag}")] HttpRequest request,
        string tag) =>
        new GatedLinesResult(events, tag, failAfterFirstLine: false);
}
