using System.Text.Json;
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
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Function("CreateOrder")]
    public static async Task<IActionResult> Create(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "orders")] HttpRequest request,
        DbSession db,
        CancellationToken cancellationToken)
    {
        var order = await ReadAsync(request, cancellationToken);

        // The order row goes in first; if the stock cannot cover it, the exception below rolls this insert back.
        await using var insert = db.Command(
            "INSERT INTO orders (sku, quantity) SELECT $sku, $quantity WHERE EXISTS (SELECT 1 FROM products WHERE sku = $sku) RETURNING id",
            ("$sku", order.Sku), ("$quantity", order.Quantity));
        if (await insert.ExecuteScalarAsync(cancellationToken) is not long id)
        {
            throw new HttpProblemException(404, $"Product '{order.Sku}' does not exist.");
        }

        await using var take = db.Command(
            "UPDATE products SET stock = stock - $quantity WHERE sku = $sku AND stock >= $quantity",
            ("$sku", order.Sku), ("$quantity", order.Quantity));
        if (await take.ExecuteNonQueryAsync(cancellationToken) == 0)
        {
            throw new HttpProblemException(409, $"Not enough stock of '{order.Sku}' for {order.Quantity}.");
        }

        return new CreatedResult($"/api/orders/{id}", new Order(id, order.Sku!, order.Quantity, Shipped: false));
    }

    [Function("GetOrder")]
    public static async Task<IActionResult> Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "orders/{id:long}")] HttpRequest request,
        long id,
        DbSession db,
        CancellationToken cancellationToken)
    {
        await using var select = db.Command("SELECT id, sku, quantity, shipped FROM orders WHERE id = $id", ("$id", id));
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            throw new HttpProblemException(404, $"Order {id} does not exist.");
        }

        return new OkObjectResult(new Order(reader.GetInt64(0), reader.GetString(1), reader.GetInt32(2), reader.GetBoolean(3)));
    }

    private static async Task<OrderRequest> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        OrderRequest? order;
        try
        {
            order = await JsonSerializer.DeserializeAsync<OrderRequest>(request.Body, Json, cancellationToken);
        }
        catch (JsonException e)
        {
            throw new HttpProblemException(400, $"The body is not a valid order: {e.Message}");
        }

        if (order is null || string.IsNullOrWhiteSpace(order.Sku))
        {
            throw new HttpProblemException(400, "The order needs a 'sku'.");
        }

        if (order.Quantity <= 0)
        {
            throw new HttpProblemException(400, "The order's 'quantity' must be at least 1.");
        }

        return order;
    }
}
