using FunctionApp.Sample.Data;
using FunctionApp.Sample.Dependencies;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using YieldDeps;

namespace FunctionApp.Sample.Functions;

/// <summary>What the app holds right now, behind the API key.</summary>
[Depends(typeof(ApiCaller))]
public static class Diagnostics
{
    /// <summary>The request-scoped connections open now, and how many rows the last one had streamed when released.</summary>
    [Function("StreamingConnections")]
    public static IActionResult Connections(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "diagnostics/streaming-connections")] HttpRequest request,
        SampleDatabase database) =>
        new OkObjectResult(new { open = database.StreamingConnections.Open, lastReleasedAfterRows = database.StreamingConnections.LastReleasedAfterRows });
}
