using System.Net;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;

namespace BuiltInHttpProbe;

/// <summary>Returns its HTTP response through the "http" output binding of a multi-output result.</summary>
internal sealed class EnqueueFunction
{
    [Function("Enqueue")]
    public static EnqueueResult Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "orders")] HttpRequestData request)
    {
        var response = request.CreateResponse(HttpStatusCode.Accepted);
        response.Headers.Add("Content-Type", "text/plain; charset=utf-8");
        response.WriteString("queued");
        return new EnqueueResult { Message = "order", Http = response };
    }
}

internal sealed class EnqueueResult
{
    [QueueOutput("orders-to-ship")]
    public string? Message { get; set; }

    public required HttpResponseData Http { get; set; }
}
