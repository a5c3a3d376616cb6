using System.Net;
using System.Text;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;

namespace YieldDeps.Tests.Support;

/// <summary>An HTTP response of the built-in model whose body stays readable after the invocation.</summary>
internal sealed class TestHttpResponseData(FunctionContext functionContext) : HttpResponseData(functionContext)
{
    public override HttpStatusCode StatusCode { get; set; } = HttpStatusCode.OK;

    public override HttpHeadersCollection Headers { get; set; } = new();

    public override Stream Body { get; set; } = new MemoryStream();

    public override HttpCookies Cookies { get; } = new TestHttpCookies();

    public string ReadBodyAsString() => ReadBody(Body);

    /// <summary>Reads a response body as UTF-8 from its start, the way the worker serializes it after the invocation.</summary>
    public static string ReadBody(Stream body)
    {
        if (body is MemoryStream memory)
        {
            // ToArray works even after the function disposed the stream.
            return Encoding.UTF8.GetString(memory.ToArray());
        }

        if (body.CanSeek)
        {
            body.Position = 0;
        }

        using var reader = new StreamReader(body, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1024, leaveOpen: true);
        return reader.ReadToEnd();
    }
}
