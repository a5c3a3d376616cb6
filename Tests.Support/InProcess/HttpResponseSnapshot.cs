using System.Net;
using Microsoft.Azure.Functions.Worker.Http;

namespace YieldDeps.Tests.Support;

/// <summary>The HTTP response as the worker would send it: read right after the pipeline, before the scope is disposed.</summary>
public sealed class HttpResponseSnapshot
{
    private HttpResponseSnapshot(HttpStatusCode status, IReadOnlyDictionary<string, IReadOnlyList<string>> headers, string body, HttpResponseData? response)
    {
        Response = response;
        StatusCode = status;
        Headers = headers;
        Body = body;
    }

    /// <summary>Gets the response's status.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>Gets the response's headers, by name without regard to case.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Headers { get; }

    /// <summary>Gets the response's body, read as UTF-8.</summary>
    public string Body { get; }

    /// <summary>Gets the response object the function or the middleware produced, for the built-in HTTP model.</summary>
    public HttpResponseData? Response { get; }

    /// <summary>Gets the values of a header joined by commas, or null when it is absent.</summary>
    /// <param name="name">The header's name.</param>
    /// <returns>The header's value, or null.</returns>
    public string? Header(string name) => Headers.TryGetValue(name, out var values) ? string.Join(",", values) : null;

    internal static HttpResponseSnapshot Capture(HttpResponseData response) =>
        new(
            response.StatusCode,
            response.Headers.ToDictionary(h => h.Key, h => (IReadOnlyList<string>)h.Value.ToArray(), StringComparer.OrdinalIgnoreCase),
            TestHttpResponseData.ReadBody(response.Body),
            response);

    internal static HttpResponseSnapshot Capture(Microsoft.AspNetCore.Http.HttpResponse response, MemoryStream body) =>
        new(
            (HttpStatusCode)response.StatusCode,
            response.Headers.ToDictionary(h => h.Key, h => (IReadOnlyList<string>)h.Value.Select(v => v ?? string.Empty).ToArray(), StringComparer.OrdinalIgnoreCase),
            System.Text.Encoding.UTF8.GetString(body.ToArray()),
            null);
}
