using System.Net;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;

namespace YieldDeps.Tests.HarnessTests;

/// <summary>HTTP functions of the built-in model run by the harness tests.</summary>
public sealed class HttpFunctions(Recorder recorder)
{
    [Function("CreateOrder")]
    public async Task<HttpResponseData> CreateAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "orders/{id}")] HttpRequestData req,
        string id)
    {
        recorder.Values["function.request"] = req;
        recorder.Values["function.id"] = id;
        var body = await req.ReadAsStringAsync();

        var response = req.CreateResponse(HttpStatusCode.Created);
        response.Headers.Add("Location", $"/api/orders/{id}");
        await response.WriteStringAsync($"created {id} from {body} x={req.Query["x"]}");
        return response;
    }

    [Function("CreateAndEnqueue")]
    public async Task<CreatedOrderOutput> CreateAndEnqueueAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "orders")] HttpRequestData req)
    {
        var response = req.CreateResponse(HttpStatusCode.Accepted);
        await response.WriteStringAsync("queued");
        return new CreatedOrderOutput { Message = "order-1", Response = response };
    }
}
