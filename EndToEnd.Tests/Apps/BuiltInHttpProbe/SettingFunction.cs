using System.Net;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;

namespace BuiltInHttpProbe;

/// <summary>Returns an environment variable of the worker, to check what the host passed to it.</summary>
internal sealed class SettingFunction
{
    [Function("Setting")]
    public static async Task<HttpResponseData> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "setting/{name}")] HttpRequestData request,
        string name)
    {
        var value = Environment.GetEnvironmentVariable(name);
        var response = request.CreateResponse(value is null ? HttpStatusCode.NotFound : HttpStatusCode.OK);
        await response.WriteStringAsync(value ?? string.Empty);
        return response;
    }
}
