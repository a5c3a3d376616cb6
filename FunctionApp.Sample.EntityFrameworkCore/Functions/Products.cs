using FunctionApp.Sample.EntityFrameworkCore.Data;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.EntityFrameworkCore;
using YieldDeps;

namespace FunctionApp.Sample.EntityFrameworkCore.Functions;

/// <summary>Products: add one (a SKU already taken is a 409 from the unit of work), read one.</summary>
public static class Products
{
    /// <summary>The body of a new product.</summary>
    public sealed record NewProduct(string Sku, string Name, int Stock);

    #region add-product
    [Function("AddProduct")]
    public static async Task<IActionResult> Add([HttpTrigger("post", Route = "products")] HttpRequest req, ShopDb db)
    {
        var product = await JsonBody.ReadAsync<NewProduct>(req, "a product");   // malformed JSON: 400 problem+json
        if (string.IsNullOrWhiteSpace(product.Sku))
        {
            throw new HttpProblemException(400, "A product needs a SKU.");
        }

        // Not saved here: the unit of work saves and commits after the function succeeded. A SKU already taken
        // fails that save with a unique violation, which rolls back and answers 409 problem+json.
        db.Products.Add(new Product { Sku = product.Sku, Name = product.Name, Stock = product.Stock });
        return new CreatedResult($"/api/products/{product.Sku}", product);
    }
    #endregion

    [Function("GetProduct")]
    public static async Task<IActionResult> Get([HttpTrigger("get", Route = "products/{sku}")] HttpRequest req, string sku, ShopDb db)
    {
        var product = await db.Products.AsNoTracking().SingleOrDefaultAsync(p => p.Sku == sku);
        return product is null ? new NotFoundResult() : new OkObjectResult(new NewProduct(product.Sku, product.Name, product.Stock));
    }
}
