using FunctionApp.Sample.Data;
using FunctionApp.Sample.Dependencies;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using YieldDeps;

namespace FunctionApp.Sample.Functions;

public static class Products
{
    [Function("GetProduct")]
    public static async Task<IActionResult> Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "products/{sku}")] HttpRequest request,
        string sku,
        ReadSession db,
        CancellationToken cancellationToken)
    {
        Skus.Require(sku, "product code");
        await using var select = db.Command("SELECT sku, name, stock FROM products WHERE sku = @sku", ("@sku", sku));
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            throw new HttpProblemException(404, $"Product '{sku}' does not exist.");
        }

        return new OkObjectResult(new Product(reader.GetString(0), reader.GetString(1), reader.GetInt32(2)));
    }
}
