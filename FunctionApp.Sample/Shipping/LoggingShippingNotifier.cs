using FunctionApp.Sample.Functions;
using Microsoft.Extensions.Logging;

namespace FunctionApp.Sample.Shipping;

/// <summary>
/// The sample's notifier: it has no carrier to call, so it writes the notification to the app's log. An app with a
/// real shipping service registers its client in its place.
/// </summary>
public sealed partial class LoggingShippingNotifier(ILogger<LoggingShippingNotifier> logger) : IShippingNotifier
{
    public Task OrderShippedAsync(Order order, CancellationToken cancellationToken)
    {
        OrderShipped(logger, order.Id, order.Quantity, order.Sku);
        return Task.CompletedTask;
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Order {OrderId} shipped: {Quantity} x {Sku}")]
    private static partial void OrderShipped(ILogger logger, long orderId, int quantity, string sku);
}
