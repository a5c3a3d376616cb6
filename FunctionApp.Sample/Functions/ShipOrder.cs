using System.Globalization;
using FunctionApp.Sample.Data;
using Microsoft.Azure.Functions.Worker;

namespace FunctionApp.Sample.Functions;

/// <summary>
/// Marks an order shipped. The shipment log row is written first; an unknown order id throws, which rolls that row
/// back and reaches the host, so the message is retried and finally moved to the poison queue.
/// </summary>
public static class ShipOrder
{
    [Function("ShipOrder")]
    public static async Task Run(
        [QueueTrigger("orders-to-ship", Connection = "AzureWebJobsStorage")] string message,
        DbSession db,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (!long.TryParse(message.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var orderId))
        {
            throw new FormatException($"Queue message '{message}' is not an order id.");
        }

        await using var log = db.Command(
            "INSERT INTO shipment_log (order_id, logged_at) VALUES (@id, @at)",
            ("@id", orderId), ("@at", clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture)));
        await log.ExecuteNonQueryAsync(cancellationToken);

        await using var ship = db.Command("UPDATE orders SET shipped = TRUE WHERE id = @id", ("@id", orderId));
        if (await ship.ExecuteNonQueryAsync(cancellationToken) == 0)
        {
            throw new InvalidOperationException($"Order {orderId} does not exist.");
        }
    }
}
