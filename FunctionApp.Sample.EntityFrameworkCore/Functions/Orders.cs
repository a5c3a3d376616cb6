using FunctionApp.Sample.EntityFrameworkCore.Data;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.EntityFrameworkCore;
using YieldDeps;

namespace FunctionApp.Sample.EntityFrameworkCore.Functions;

/// <summary>Orders: the order row and the stock decrement are committed together, or neither.</summary>
public static class Orders
{
    /// <summary>The body of a new order.</summary>
    public sealed record NewOrder(string Sku, int Quantity);

    #region place-order
    [Function("PlaceOrder")]
    public static async Task<IActionResult> Place([HttpTrigger("post", Route = "orders")] HttpRequest req, ShopDb db)
    {
        var order = await JsonBody.ReadAsync<NewOrder>(req, "an order");   // malformed JSON: 400 problem+json
        var product = await db.Products.SingleOrDefaultAsync(p => p.Sku == order.Sku)
            ?? throw new HttpProblemException(404, $"No product {order.Sku}.");

        var placed = db.Orders.Add(new Order { ProductId = product.Id, Quantity = order.Quantity });
        await db.SaveChangesAsync();   // inside the transaction: the order gets its id, nothing is committed yet
        product.Stock -= order.Quantity;
        if (product.Stock < 0)
        {
            // The order row saved above is rolled back with the rest.
            throw new HttpProblemException(409, $"Only {product.Stock + order.Quantity} of {order.Sku} left.");
        }

        return new CreatedResult($"/api/orders/{placed.Entity.Id}", new { id = placed.Entity.Id, order.Sku, order.Quantity });
    }
    #endregion
}
