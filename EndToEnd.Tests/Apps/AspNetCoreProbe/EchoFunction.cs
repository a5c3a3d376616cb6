using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace AspNetCoreProbe;

/// <summary>Reflects what the worker's own ASP.NET Core pipeline received, including bound route values.</summary>
internal sealed class EchoFunction
{
    [Function("Echo")]
    public static async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = "echo/{id:int}/{name?}")] HttpRequest request,
        int id,
        string? name)
    {
        var body = await new StreamReader(request.Body).ReadToEndAsync();
        return new OkObjectResult(new
        {
            method = request.Method,
            id,
            name,
            url = $"{request.Scheme}://{request.Host}{request.Path}{request.QueryString}",
            query = request.Query["q"].ToString(),
            header = request.Headers["X-Probe"].ToString(),
            body,
        });
    }
}
