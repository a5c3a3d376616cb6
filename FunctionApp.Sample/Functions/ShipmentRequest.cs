using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace FunctionApp.Sample.Functions;

/// <summary>RequestShipment's two outputs: the HTTP answer, and the order id for ShipOrder's queue.</summary>
public sealed class ShipmentRequest
{
    [HttpResult]
    public required IActionResult Response { get; init; }

    [QueueOutput(ShipOrder.Queue, Connection = "AzureWebJobsStorage")]
    public string? OrderId { get; init; }
}
