using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;

namespace YieldDeps.Tests.HarnessTests;

/// <summary>A multi-output return type: a queue message and the HTTP response.</summary>
public sealed class CreatedOrderOutput
{
    [QueueOutput("created-orders")]
    public string? Message { get; init; }

    [HttpResult]
    public HttpResponseData? Response { get; init; }
}
