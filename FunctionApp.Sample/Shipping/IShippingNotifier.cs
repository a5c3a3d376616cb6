using FunctionApp.Sample.Functions;

namespace FunctionApp.Sample.Shipping;

/// <summary>
/// Tells the outside world that an order has shipped (a carrier, a customer e-mail). ShipOrder calls it after it has
/// marked the order shipped and before its transaction commits: when the notifier throws, the invocation fails, the
/// order stays unshipped and the message is retried, so a notifier can be called again for the same order.
/// </summary>
public interface IShippingNotifier
{
    Task OrderShippedAsync(Order order, CancellationToken cancellationToken);
}
