using System.Globalization;
using FunctionApp.Sample.Data;
using FunctionApp.Sample.Shipping;
using Microsoft.Azure.Functions.Worker;

namespace FunctionApp.Sample.Functions;

/// <summary>
/// Marks an order shipped and tells the shipping notifier. The shipment log row is written first; an unknown order id,
/// or a notifier that fails, throws, which rolls the log row and the shipped mark back and reaches the host, so the
/// message is retried and finally moved to the poison queue.
/// </summary>
public static class ShipOrder
{
    /// <summary>The queue ShipOrder reads; RequestShipment writes to it.</summary>
    public const string Queue = "orders-to-ship";

    [Function("ShipOrder")]
    public static async Task Run(
        [QueueTrigger(Queue, Connection = "AzureWebJobsStorage")] string message,
        DbSession db,
        TimeProvider clock,
        IShippingNotifier notifier,
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

        var order = await MarkShippedAsync(db, orderId, cancellationToken)
            ?? throw new InvalidOperationException($"Order {orderId} does not exist.");
        await notifier.OrderShippedAsync(order, cancellationToken);
    }

    private static async Task<Order?> MarkShippedAsync(DbSession db, long orderId, CancellationToken cancellationToken)
    {
        await using var ship = db.Command("UPDATE orders SET shipped = TRUE WHERE id = @id RETURNING sku, quantity", ("@id", orderId));
        await using var reader = await ship.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new Order(orderId, reader.GetString(0), reader.GetInt32(1), Shipped: true)
            : null;
    }
}
