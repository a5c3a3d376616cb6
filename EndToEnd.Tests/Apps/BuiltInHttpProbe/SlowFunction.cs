using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;

using ProbeShared;

namespace BuiltInHttpProbe;

/// <summary>Waits until the host cancels the invocation and records that it saw the cancellation.</summary>
internal sealed class SlowFunction(ProbeEvents events)
{
    [Function("Slow")]
    public async Task<HttpResponseData> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "slow/{tag}")] HttpRequestData request,
        string tag,
        CancellationToken cancellationToken)
    {
        await events.WaitUntilCancelledAsync(tag, cancellationToken);
        return request.CreateResponse();
    }
}
