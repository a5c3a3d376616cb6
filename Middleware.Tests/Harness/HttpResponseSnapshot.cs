using System.Net;
using Microsoft.Azure.Functions.Worker.Http;

namespace YieldDeps.Tests.Harness;

/// <summary>The HTTP response as the worker would send it: read right after the pipeline, before the scope is disposed.</summary>
internal sealed class HttpResponseSnapshot
{
    private HttpResponseSnapshot(HttpResponseData response, string body)
    {
        Response = response;
        StatusCode = response.StatusCode;
        Headers = response.Headers
            .ToDictionary(h => h.Key, h => (IReadOnlyList<string>)h.Value.ToArray(), StringComparer.OrdinalIgnoreCase);
        Body = body;
    }

    public HttpStatusCode StatusCode { get; }

    public IReadOnlyDictionary<string, IReadOnlyList<string>> Headers { get; }

    public string Body { get; }

    public HttpResponseData Response { get; }

    /// <summary>The single value of a header, or null.</summary>
    public string? Header(string name) => Headers.TryGetValue(name, out var values) ? string.Join(",", values) : null;

    public static HttpResponseSnapshot Capture(HttpResponseData response) =>
        new(response, TestHttpResponseData.ReadBody(response.Body));
}
