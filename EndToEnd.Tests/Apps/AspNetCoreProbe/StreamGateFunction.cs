using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace AspNetCoreProbe;

/// <summary>Opens the gate a streamed response with the same tag waits on.</summary>
internal sealed class StreamGateFunction
{
    [Function("StreamGate")]
    public static IActionResult Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "stream-gate/{tag}")] HttpRequest request,
        string tag)
    {
        StreamGates.Open(tag);
        return new OkResult();
    }
}
