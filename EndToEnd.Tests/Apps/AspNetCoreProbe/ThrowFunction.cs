using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace AspNetCoreProbe;

internal sealed class ThrowFunction
{
    [Function("Throw")]
    public static IActionResult Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get")] HttpRequest request) =>
        throw new InvalidOperationException("probe failure requested");
}
