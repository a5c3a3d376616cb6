using System.Globalization;
using System.Net;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;

using ProbeShared;

namespace BuiltInHttpProbe;

/// <summary>Reads the whole request body (it arrived inside the InvocationRequest) and answers with its length.</summary>
internal sealed class BodyFunction(ProbeEvents events)
{
    [Function("Body")]
    public async Task<HttpResponseData> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "body/{tag}")] HttpRequestData request,
        string tag,
        CancellationToken cancellationToken)
    {
        events.Record($"body-started:{tag}");
        var length = await BodyLength.ReadAsync(request.Body, cancellationToken);
        events.Record($"body-read:{tag}:{length}");
        var response = request.CreateResponse(HttpStatusCode.OK);
        await response.WriteStringAsync(length.ToString(CultureInfo.InvariantCulture), cancellationToken);
        return response;
    }
}
