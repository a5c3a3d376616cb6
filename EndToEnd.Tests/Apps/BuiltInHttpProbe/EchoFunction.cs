using System.Net;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;

namespace BuiltInHttpProbe;

/// <summary>Reflects what the worker received, including route values bound to parameters.</summary>
internal sealed class EchoFunction
{
    [Function("Echo")]
    public static async Task<HttpResponseData> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = "echo/{id:int}/{name?}")] HttpRequestData request,
        int id,
        string? name)
    {
        var body = await new StreamReader(request.Body).ReadToEndAsync();
        var response = request.CreateResponse(HttpStatusCode.OK);
        await response.WriteAsJsonAsync(new
        {
            method = request.Method,
            id,
            name,
            url = request.Url.AbsoluteUri,
            query = request.Query["q"],
            header = request.Headers.TryGetValues("X-Probe", out var values) ? string.Join(",", values) : null,
            body,
        });
        return response;
    }
}
