using Microsoft.AspNetCore.Http;

namespace YieldDeps.Tests.Support;

/// <summary>The request as the worker's web server would hand it to the ASP.NET Core integration.</summary>
internal static class TestHttpContext
{
    public static HttpContext Create(HttpRequestSpec spec, Stream responseBody, CancellationToken requestAborted)
    {
        var context = new DefaultHttpContext { RequestAborted = requestAborted };
        var request = context.Request;
        request.Method = spec.Method;
        request.Scheme = spec.Url.Scheme;
        request.Host = HostString.FromUriComponent(spec.Url);
        request.Path = PathString.FromUriComponent(spec.Url);
        request.QueryString = QueryString.FromUriComponent(spec.Url);
        foreach (var (name, value) in spec.Headers)
        {
            request.Headers.Append(name, value);
        }

        request.Body = new MemoryStream(spec.Body, writable: false);
        request.ContentLength = spec.Body.Length;
        context.Response.Body = responseBody;
        return context;
    }
}
