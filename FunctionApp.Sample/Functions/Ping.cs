using FunctionApp.Sample.Dependencies;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace FunctionApp.Sample.Functions;

/// <summary>Two endpoints to measure the middleware: one with no dependencies, one with three chained yield dependencies.</summary>
public static class Ping
{
    [Function("Ping")]
    public static IActionResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "ping")] HttpRequest request) =>
        new OkObjectResult(new { pong = true });

    [Function("PingDeps")]
    public static IActionResult RunWithDependencies(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "ping-deps")] HttpRequest request,
        ThirdLink chain) =>
        new OkObjectResult(new { pong = true, depth = chain.Previous.Previous.Depth + 2 });
}
