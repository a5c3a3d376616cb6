using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

using ProbeShared;

namespace AspNetCoreProbe;

/// <summary>
/// Reads the whole request body and answers with its length. A body over the worker's own Kestrel limit
/// surfaces here as a BadHttpRequestException when the body is read; the probe records its status.
/// </summary>
internal sealed class BodyFunction(ProbeEvents events)
{
    [Function("Body")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "body/{tag}")] HttpRequest request,
        string tag)
    {
        events.Record($"body-started:{tag}");
        try
        {
            var length = await BodyLength.ReadAsync(request.Body, request.HttpContext.RequestAborted);
            events.Record($"body-read:{tag}:{length}");
            return new ContentResult { Content = length.ToString(System.Globalization.CultureInfo.InvariantCulture), ContentType = "text/plain" };
        }
        catch (BadHttpRequestException exception)
        {
            events.Record($"body-too-large:{tag}:{exception.StatusCode}");
            return new StatusCodeResult(exception.StatusCode);
        }
    }
}
