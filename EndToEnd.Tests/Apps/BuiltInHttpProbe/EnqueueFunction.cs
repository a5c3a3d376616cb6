using System.Net;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;

namespace BuiltInHttpProbe;

/// <summary>
/// Returns its HTTP response through the "http" output binding of a multi-output result, and writes the route's tag
/// ("order" without one) to the orders-to-ship queue that ShipOrder reads.
/// </summary>
internal sealed class EnqueueFunction
{
    [Function("Enqueue")]
    public static EnqueueResult Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "orders/{tag?}")] HttpRequestData request,
        string? tag)
    {
        var response = request.CreateResponse(HttpStatusCode.Accepted);
        response.Headers.Add("Content-Type", "text/plain; charset=utf-8");
        response.WriteString("queued");
        return new EnqueueResult { Message = tag ?? "order", Http = response };
    }
}

internal sealed class EnqueueResult
{
    [QueueOutput("orders-to-ship")]
    public string? Message { get; set; }

    public required HttpResponseData Http { get; set; }
}
