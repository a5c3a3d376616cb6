using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace AspNetCoreProbe;

/// <summary>Answers with the status code named in the route and a custom header.</summary>
internal sealed class StatusFunction
{
    [Function("Status")]
    public static IActionResult Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "status/{code:int}")] HttpRequest request,
        int code)
    {
        request.HttpContext.Response.Headers["X-Probe-Status"] = code.ToString(CultureInfo.InvariantCulture);
        return new ContentResult { StatusCode = code, Content = $"status {code}", ContentType = "text/plain; charset=utf-8" };
    }
}
