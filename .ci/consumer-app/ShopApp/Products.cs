using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.EntityFrameworkCore;

namespace ShopApp;

public static class Products
{
    /// <summary>Adds the product without saving: the unit of work saves and commits; a SKU already taken answers 409.</summary>
    [Function("AddProduct")]
    public static async Task<IActionResult> Add([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "products")] HttpRequest request, ShopDb db)
    {
        db.Products.Add(new Product { Sku = await new StreamReader(request.Body).ReadToEndAsync() });
        return new StatusCodeResult(201);
    }

    [Function("CountProducts")]
    public static async Task<IActionResult> Count([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "products/count")] HttpRequest request, ShopDb db) =>
        new OkObjectResult(new { count = await db.Products.CountAsync() });
}
