using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;

namespace BuiltInHttpProbe;

internal sealed class ThrowFunction
{
    [Function("Throw")]
    public static HttpResponseData Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get")] HttpRequestData request) =>
        throw new InvalidOperationException("probe failure requested");
}
