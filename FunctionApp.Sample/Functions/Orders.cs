using System.Globalization;
using FunctionApp.Sample.Data;
using FunctionApp.Sample.Dependencies;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using YieldDeps;

namespace FunctionApp.Sample.Functions;

/// <summary>Orders: every endpoint needs an API key (checked before the body runs) and runs in one transaction.</summary>
[Depends(typeof(ApiCaller))]
public sealed class Orders
{
    /// <summary>The order is read and checked (a dependency) before the session opens: it is declared first.</summary>
    [Function("CreateOrder")]
    public static async Task<IActionResult> Create(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "orders")] HttpRequest request,
        OrderRequest order,
        DbSession db,
        CancellationToken cancellationToken)
    {
        // The order row goes in first; if the stock cannot cover it, the exception below rolls this insert back.
        await using var insert = db.Command(
            "INSERT INTO orders (sku, quantity) SELECT @sku, @quantity WHERE EXISTS (SELECT 1 FROM products WHERE sku = @sku) RETURNING id",
            ("@sku", order.Sku), ("@quantity", order.Quantity));
        if (await insert.ExecuteScalarAsync(cancellationToken) is not long id)
        {
            throw new HttpProblemException(404, $"Product '{order.Sku}' does not exist.");
        }

        await using var take = db.Command(
            "UPDATE products SET stock = stock - @quantity WHERE sku = @sku AND stock >= @quantity",
            ("@sku", order.Sku), ("@quantity", order.Quantity));
        if (await take.ExecuteNonQueryAsync(cancellationToken) == 0)
        {
            throw new HttpProblemException(409, $"Not enough stock of '{order.Sku}' for {order.Quantity}.");
        }

        return new CreatedResult($"/api/orders/{id}", new Order(id, order.Sku!, order.Quantity, Shipped: false));
    }

    // Not "orders/export": the Functions host does not rank a literal segment over GetOrder's "orders/{id}" (it
    // takes routes in the order of the functions' names), so the two routes must not overlap.
    #region export-orders
    /// <summary>
    /// Streams every order as JSON lines. The export is logged in a function-scoped transaction, committed before the
    /// first byte; the rows are read from the request-scoped connection while they are written, and it is released
    /// after the last one.
    /// </summary>
    [Function("ExportOrders")]
    public static async Task<IActionResult> Export(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "export/orders")] HttpRequest request,
        StreamTransaction log,
        StreamConnection rows,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        await using var insert = log.Command(
            "INSERT INTO export_log (exported_at) VALUES (@at) RETURNING id",
            ("@at", clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture)));
        var exportId = Convert.ToInt64(await insert.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        return new OrderRows(rows, exportId);
    }
    #endregion

    /// <summary>
    /// Asks for an order to be shipped: it is checked here, answered 202, and its id is put on ShipOrder's queue, which
    /// the host writes only when this function succeeded (a problem answer enqueues nothing).
    /// </summary>
    [Function("RequestShipment")]
    public static async Task<ShipmentRequest> RequestShipment(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "orders/{id}/ship")] HttpRequest request,
        string id,
        ReadSession db,
        CancellationToken cancellationToken)
    {
        var orderId = ParseId(id);
        await using var select = db.Command("SELECT shipped FROM orders WHERE id = @id", ("@id", orderId));
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            throw new HttpProblemException(404, $"Order {orderId} does not exist.");
        }

        if (reader.GetBoolean(0))
        {
            throw new HttpProblemException(409, $"Order {orderId} has shipped already.");
        }

        return new ShipmentRequest
        {
            Response = new AcceptedResult($"/api/orders/{orderId}", null),
            OrderId = orderId.ToString(CultureInfo.InvariantCulture),
        };
    }

    [Function("GetOrder")]
    public static async Task<IActionResult> Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "orders/{id}")] HttpRequest request,
        string id,
        ReadSession db,
        CancellationToken cancellationToken)
    {
        var orderId = ParseId(id);
        await using var select = db.Command("SELECT id, sku, quantity, shipped FROM orders WHERE id = @id", ("@id", orderId));
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            throw new HttpProblemException(404, $"Order {orderId} does not exist.");
        }

        return new OkObjectResult(new Order(reader.GetInt64(0), reader.GetString(1), reader.GetInt32(2), reader.GetBoolean(3)));
    }

    /// <summary>No route constraint: a malformed id is a 400 problem saying so, not a bare 404 from routing.</summary>
    private static long ParseId(string id) =>
        long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var orderId)
            ? orderId
            : throw new HttpProblemException(400, "The order id must be a whole number.");
}
