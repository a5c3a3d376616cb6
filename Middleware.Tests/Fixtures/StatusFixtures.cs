using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;

namespace YieldDeps.Tests.Fixtures;

/// <summary>HTTP functions that end with exceptions carrying a status, or with a client that went away.</summary>
public sealed class StatusFunctions
{
    public HttpResponseData TooLarge([HttpTrigger(AuthorizationLevel.Anonymous, "post")] HttpRequestData request, Watched watched) =>
        throw new BadHttpRequestException("Request body too large. The max request body size is 30000000 bytes.", StatusCodes.Status413PayloadTooLarge);

    public HttpResponseData Malformed([HttpTrigger(AuthorizationLevel.Anonymous, "post")] HttpRequestData request, Watched watched) =>
        throw new BadHttpRequestException("Unexpected end of request content.");

    public HttpResponseData Downstream([HttpTrigger(AuthorizationLevel.Anonymous, "get")] HttpRequestData request, Watched watched) =>
        throw new HttpRequestException("The inventory service answered 404.", null, HttpStatusCode.NotFound);

    public HttpResponseData ClientGone([HttpTrigger(AuthorizationLevel.Anonymous, "post")] HttpRequestData request, Watched watched) =>
        throw new IOException("The client reset the request stream.");
}
