using System.Net;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;

namespace BuiltInHttpProbe;

/// <summary>Answers with the status code named in the route and a custom header.</summary>
internal sealed class StatusFunction
{
    [Function("Status")]
    public static async Task<HttpResponseData> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "status/{code:int}")] HttpRequestData request,
        int code)
    {
        var response = request.CreateResponse((HttpStatusCode)code);
        response.Headers.Add("X-Probe-Status", code.ToString(System.Globalization.CultureInfo.InvariantCulture));
        response.Headers.Add("Content-Type", "text/plain; charset=utf-8");
        await response.WriteStringAsync($"status {code}");
        return response;
    }
}
