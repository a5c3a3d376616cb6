using System.Net.Sockets;

namespace YieldDeps.LocalHost.Http;

/// <summary>
/// For the worker's ASP.NET Core integration: forwards the real HTTP request to the worker's own
/// Kestrel (the URI it advertised as the HttpUri capability) with the <c>x-ms-invocation-id</c>
/// header, which the worker uses to pair the request with the InvocationRequest sent over gRPC.
/// </summary>
internal sealed class AspNetCoreForwarder : IDisposable
{
    public const string InvocationIdHeader = "x-ms-invocation-id";

    private static readonly HashSet<string> HopByHopHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Connection", "Keep-Alive", "Proxy-Authenticate", "Proxy-Authorization", "Proxy-Connection",
        "TE", "Trailer", "Transfer-Encoding", "Upgrade",
    };

    /// <summary>Response headers LocalHost sets itself rather than copying from the worker's Kestrel as they are.</summary>
    private static readonly HashSet<string> OwnResponseHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Content-Length", "Server", "Date",
    };

    private readonly Uri workerUri;
    private readonly HttpClient client;

    public AspNetCoreForwarder(Uri workerUri)
    {
        this.workerUri = workerUri;
        client = new HttpClient(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            UseProxy = false,
            AutomaticDecompression = System.Net.DecompressionMethods.None,
            ConnectTimeout = TimeSpan.FromSeconds(10),
            // A response given up half-read closes its connection at once, so the worker sees the abort.
            MaxResponseDrainSize = 0,
        })
        {
            // The invocation's own timeout (functionTimeout) bounds how long a function may take.
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    /// <summary>
    /// Sends the request and returns as soon as the worker's response headers are in; the body is
    /// then read as the worker writes it, with tokens of the caller's choosing.
    /// </summary>
    public async Task<HttpResponseMessage> SendAsync(HttpRequest request, byte[] body, string invocationId, CancellationToken cancellationToken)
    {
        // The worker's Kestrel may still be starting when the first request arrives.
        for (var attempt = 1; ; attempt++)
        {
            using var message = CreateMessage(request, body, invocationId);
            try
            {
                return await client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            }
            catch (HttpRequestException exception) when (
                attempt < 20 && exception.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused })
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
            }
        }
    }

    /// <summary>
    /// Gives the client the worker's status and headers; the worker's Content-Length too when it sent
    /// one, otherwise the body goes out chunked.
    /// </summary>
    public static void CopyStatusAndHeaders(HttpResponseMessage source, HttpResponse target)
    {
        target.StatusCode = (int)source.StatusCode;
        foreach (var header in source.Headers.Concat(source.Content.Headers))
        {
            if (!HopByHopHeaders.Contains(header.Key) && !OwnResponseHeaders.Contains(header.Key))
            {
                target.Headers[header.Key] = header.Value.ToArray();
            }
        }

        target.ContentLength = source.Content.Headers.ContentLength;
    }

    public void Dispose() => client.Dispose();

    private HttpRequestMessage CreateMessage(HttpRequest request, byte[] body, string invocationId)
    {
        var target = new Uri(workerUri, request.PathBase + request.Path + request.QueryString);
        var message = new HttpRequestMessage(new HttpMethod(request.Method), target)
        {
            Version = System.Net.HttpVersion.Version11,
            VersionPolicy = HttpVersionPolicy.RequestVersionOrLower,
        };

        if (body.Length > 0 || request.ContentLength is not null || request.Headers.TransferEncoding.Count > 0)
        {
            message.Content = new ByteArrayContent(body);
        }

        foreach (var (name, values) in request.Headers)
        {
            // The client's Expect was answered here, where its body was read.
            if (HopByHopHeaders.Contains(name) || string.Equals(name, "Content-Length", StringComparison.OrdinalIgnoreCase)
                || string.Equals(name, "Expect", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (string.Equals(name, "Host", StringComparison.OrdinalIgnoreCase))
            {
                // Keep the Host the client used, so the function sees the URL it was called on.
                message.Headers.Host = values.ToString();
            }
            else if (!message.Headers.TryAddWithoutValidation(name, values.ToArray()))
            {
                message.Content?.Headers.TryAddWithoutValidation(name, values.ToArray());
            }
        }

        // As the Functions host does, the body goes out at once, without asking for a 100 Continue, whatever the
        // client sent: a worker that answers without reading the body and closes the connection breaks the send off,
        // and the client gets 500 (see ForwardedResponseRelay), as under the Functions host.
        message.Headers.ExpectContinue = false;

        message.Headers.Remove(InvocationIdHeader);
        message.Headers.TryAddWithoutValidation(InvocationIdHeader, invocationId);
        return message;
    }
}
