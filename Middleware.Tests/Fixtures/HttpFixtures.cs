using System.Net;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;

namespace YieldDeps.Tests.Fixtures;

public sealed record Caller(string Name);

public static class Auth
{
    /// <summary>An auth dependency: 401 before the body runs unless the x-api-key header is "secret".</summary>
    public static Caller Require(HttpRequestData request)
    {
        if (!request.Headers.TryGetValues("x-api-key", out var keys) || keys.FirstOrDefault() != "secret")
        {
            throw new HttpProblemException(401, "A valid x-api-key header is required.")
            {
                Headers = { ["WWW-Authenticate"] = "ApiKey" },
                Type = "https://example.test/problems/unauthorized",
            };
        }

        return new Caller("tester");
    }
}

public sealed class HttpFunctions(Journal journal)
{
    public async Task<HttpResponseData> Protected([HttpTrigger(AuthorizationLevel.Anonymous, "post")] HttpRequestData request, NotesSession session, Caller caller)
    {
        journal.Add("body");
        await session.AddAsync($"by {caller.Name}");
        return request.CreateResponse(HttpStatusCode.Created);
    }

    public HttpResponseData Throws([HttpTrigger(AuthorizationLevel.Anonymous, "get")] HttpRequestData request) =>
        throw new InvalidOperationException("connection string Password=hunter2 is wrong");

    public HttpResponseData Problem([HttpTrigger(AuthorizationLevel.Anonymous, "get")] HttpRequestData request) =>
        throw new HttpProblemException(422, "quantity must be positive") { Extensions = { ["field"] = "quantity" } };

    public MultiResponse Multi([HttpTrigger(AuthorizationLevel.Anonymous, "post")] HttpRequestData request, C c) =>
        new() { Message = "sent", HttpResponse = request.CreateResponse(HttpStatusCode.Accepted) };
}

public sealed class MultiResponse
{
    [QueueOutput("multi")]
    public string? Message { get; set; }

    [HttpResult]
    public HttpResponseData? HttpResponse { get; set; }
}
