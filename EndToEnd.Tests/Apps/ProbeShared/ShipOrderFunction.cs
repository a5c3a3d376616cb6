using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace ProbeShared;

/// <summary>Succeeds for ordinary messages; refuses messages starting with "fail" so the host retries them.</summary>
internal sealed class ShipOrderFunction(ILogger<ShipOrderFunction> logger, ProbeEvents events)
{
    [Function("ShipOrder")]
    public void Run([QueueTrigger("orders-to-ship")] string message, int dequeueCount, string id)
    {
        events.Record($"ship:{message}:{dequeueCount}:{id}");
        if (message.StartsWith("fail", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"refused '{message}' on dequeue {dequeueCount}");
        }

        logger.LogInformation("Shipped {Message} on dequeue {DequeueCount}", message, dequeueCount);
    }
}
