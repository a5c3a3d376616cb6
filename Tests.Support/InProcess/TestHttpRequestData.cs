using System.Security.Claims;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;

namespace YieldDeps.Tests.Support;

/// <summary>An HTTP request of the built-in model, standing in for the one the gRPC layer builds from the host's message.</summary>
internal sealed class TestHttpRequestData : HttpRequestData
{
    private readonly List<TestHttpResponseData> _responses = [];

    public TestHttpRequestData(
        FunctionContext functionContext,
        string method,
        Uri url,
        byte[]? body = null,
        IEnumerable<KeyValuePair<string, string>>? headers = null,
        IEnumerable<ClaimsIdentity>? identities = null)
        : base(functionContext)
    {
        Method = method;
        Url = url;
        Body = new MemoryStream(body ?? [], writable: false);
        Headers = new HttpHeadersCollection(headers ?? []);
        Identities = identities?.ToArray() ?? [];
        Cookies = ParseCookies(Headers);
    }

    public override Stream Body { get; }

    public override HttpHeadersCollection Headers { get; }

    public override IReadOnlyCollection<IHttpCookie> Cookies { get; }

    public override Uri Url { get; }

    public override IEnumerable<ClaimsIdentity> Identities { get; }

    public override string Method { get; }

    /// <summary>Every response created for this request, in order.</summary>
    public IReadOnlyList<TestHttpResponseData> CreatedResponses => _responses;

    public override HttpResponseData CreateResponse()
    {
        var response = new TestHttpResponseData(FunctionContext);
        _responses.Add(response);
        return response;
    }

    private static IReadOnlyCollection<IHttpCookie> ParseCookies(HttpHeadersCollection headers)
    {
        if (!headers.TryGetValues("Cookie", out var values))
        {
            return [];
        }

        return values
            .SelectMany(v => v.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(pair => pair.Split('=', 2))
            .Select(parts => (IHttpCookie)new HttpCookie(parts[0], parts.Length > 1 ? parts[1] : string.Empty))
            .ToArray();
    }
}
