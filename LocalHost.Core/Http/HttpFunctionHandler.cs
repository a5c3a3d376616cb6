using System.Globalization;
using YieldDeps.LocalHost.Functions;
using YieldDeps.LocalHost.Hosting;
using YieldDeps.LocalHost.Invocations;
using YieldDeps.LocalHost.Rpc;

namespace YieldDeps.LocalHost.Http;

/// <summary>
/// Serves one HTTP-triggered function. With the built-in model the request travels inside the
/// InvocationRequest and the response comes back in the InvocationResponse; with the ASP.NET Core
/// integration (<paramref name="forwarder"/> set) the InvocationRequest is still sent, and the real
/// request is also forwarded to the worker, whose answer is streamed on as the invocation outcome
/// allows (see <see cref="ForwardedResponseRelay"/>).
/// </summary>
internal sealed class HttpFunctionHandler(InvocationRunner runner, HostConsole console, AspNetCoreForwarder? forwarder)
{
    private readonly HttpOutcomeReporter reporter = new(console);

    public async Task HandleAsync(HttpContext context, FunctionDescriptor function)
    {
        var aborted = context.RequestAborted;
        byte[] body;
        try
        {
            body = await ReadBodyAsync(context.Request, aborted);
        }
        catch (BadHttpRequestException exception)
        {
            // For example a body over the size limit (413).
            HttpOutcomeReporter.WriteEmpty(context, exception.StatusCode);
            return;
        }
        catch (Exception exception) when (exception is OperationCanceledException or IOException)
        {
            return;
        }

        var routeValues = RouteValues(context);
        var request = new InvocationRequest
        {
            InvocationId = Guid.NewGuid().ToString(),
            FunctionId = function.FunctionId,
            TraceContext = TraceContextFactory.Create(context.Request.Headers.TraceParent.FirstOrDefault()),
        };

        // In ASP.NET Core mode the body travels with the forwarded request, not over gRPC.
        var http = RpcHttpRequestFactory.Create(context.Request, routeValues, forwarder is null ? body : null);
        request.InputData.Add(new ParameterBinding { Name = function.Trigger!.Name, Data = new TypedData { Http = http } });
        RpcHttpRequestFactory.AddTriggerMetadata(request.TriggerMetadata, context.Request, routeValues, function.Name);

        if (forwarder is null)
        {
            var outcome = await runner.RunAsync(request, function, aborted);
            if (reporter.TryWriteFailure(context, function, request.InvocationId, outcome))
            {
                return;
            }

            reporter.Report(function, request.InvocationId, outcome);
            await RpcHttpResponseWriter.WriteAsync(
                context.Response, RpcHttpResponseWriter.FindResponse(outcome.Response!, function.HttpOutputName), aborted);
            return;
        }

        await ForwardAsync(context, function, request, body, forwarder);
    }

    private async Task ForwardAsync(HttpContext context, FunctionDescriptor function, InvocationRequest request, byte[] body, AspNetCoreForwarder target)
    {
        // Cancelled when the client goes away, whether Kestrel notices first or a write to the client fails.
        using var clientGone = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        using var forwardStop = CancellationTokenSource.CreateLinkedTokenSource(clientGone.Token);
        var invocation = runner.RunAsync(request, function, clientGone.Token);
        var forwarded = target.SendAsync(context.Request, body, request.InvocationId, forwardStop.Token);
        await new ForwardedResponseRelay(context, function, request.InvocationId, invocation, forwarded, clientGone, forwardStop, reporter).RunAsync();
    }

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }

    private static Dictionary<string, string> RouteValues(HttpContext context)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in context.Request.RouteValues)
        {
            if (value is not null && Convert.ToString(value, CultureInfo.InvariantCulture) is { } text)
            {
                values[name] = text;
            }
        }

        return values;
    }
}
