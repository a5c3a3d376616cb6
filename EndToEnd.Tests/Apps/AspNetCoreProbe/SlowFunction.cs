using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

using ProbeShared;

namespace AspNetCoreProbe;

/// <summary>Waits until the invocation is cancelled and records that it saw the cancellation.</summary>
internal sealed class SlowFunction(ProbeEvents events)
{
    [Function("Slow")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "slow/{tag}")] HttpRequest request,
        string tag,
        CancellationToken cancellationToken)
    {
        await events.WaitUntilCancelledAsync(tag, cancellationToken);
        return new OkResult();
    }
}
