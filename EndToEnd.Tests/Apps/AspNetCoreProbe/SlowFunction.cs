using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

using ProbeShared;

namespace AspNetCoreProbe;

/// <summary>Waits until the invocation is cancelled and records that it saw the cancellation.</summary>
internal sealed class SlowFunction
{
    [Function("Slow")]
    public static async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "slow/{tag}")] HttpRequest request,
        string tag,
        CancellationToken cancellationToken)
    {
        ProbeEvents.Record($"started:{tag}");
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            ProbeEvents.Record($"cancelled:{tag}");
            throw;
        }

        return new OkResult();
    }
}
