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
/// request is also forwarded to the worker, whose answer is passed on if the invocation succeeded.
/// </summary>
internal sealed class HttpFunctionHandler(InvocationRunner runner, HostConsole console, AspNetCoreForwarder? forwarder)
{
    /// <summary>How long to wait for the forwarded response once the invocation itself has completed.</summary>
    private static readonly TimeSpan ForwardedResponseGrace = TimeSpan.FromSeconds(30);

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
            WriteEmpty(context, exception.StatusCode);
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
            var outcome = await runner.RunAsync(request, function.Name, aborted);
            if (TryWriteFailure(context, function, request.InvocationId, outcome))
            {
                return;
            }

            Report(function, request.InvocationId, outcome);
            await RpcHttpResponseWriter.WriteAsync(
                context.Response, RpcHttpResponseWriter.FindResponse(outcome.Response!, function.HttpOutputName), aborted);
            return;
        }

        await ForwardAsync(context, function, request, body, forwarder);
    }

    private async Task ForwardAsync(HttpContext context, FunctionDescriptor function, InvocationRequest request, byte[] body, AspNetCoreForwarder target)
    {
        var aborted = context.RequestAborted;
        using var forwardStop = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        var invocation = runner.RunAsync(request, function.Name, aborted);
        var forwarded = target.SendAsync(context.Request, body, request.InvocationId, forwardStop.Token);

        var outcome = await invocation;
        if (!outcome.Succeeded)
        {
            await forwardStop.CancelAsync();
            DisposeWhenDone(forwarded);
            TryWriteFailure(context, function, request.InvocationId, outcome);
            return;
        }

        HttpResponseMessage response;
        try
        {
            response = await forwarded.WaitAsync(ForwardedResponseGrace, aborted);
        }
        catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException or TimeoutException)
        {
            await forwardStop.CancelAsync();
            DisposeWhenDone(forwarded);
            if (!aborted.IsCancellationRequested)
            {
                console.Error($"{function.Name}: the worker's HTTP response could not be read (invocation {request.InvocationId}): {exception.Message}");
                WriteEmpty(context, StatusCodes.Status500InternalServerError);
            }

            return;
        }

        using (response)
        {
            Report(function, request.InvocationId, outcome);
            await AspNetCoreForwarder.CopyResponseAsync(response, context.Response, aborted);
        }
    }

    private void Report(FunctionDescriptor function, string invocationId, InvocationOutcome outcome) =>
        console.Info($"{function.Name} {outcome.Describe()} (invocation {invocationId})");

    /// <summary>Answers for an invocation that did not succeed; false when it did.</summary>
    private bool TryWriteFailure(HttpContext context, FunctionDescriptor function, string invocationId, InvocationOutcome outcome)
    {
        switch (outcome.Kind)
        {
            case InvocationOutcomeKind.Succeeded:
                return false;
            case InvocationOutcomeKind.Aborted:
                console.Info($"{function.Name} cancelled: the client disconnected (invocation {invocationId})");
                return true;
            case InvocationOutcomeKind.WorkerUnavailable:
                console.Error($"{function.Name} could not run (invocation {invocationId}): {outcome.Error}");
                WriteEmpty(context, StatusCodes.Status503ServiceUnavailable);
                return true;
            default:
                // Like the Functions host: a failed HTTP invocation is a 500 with an empty body.
                console.Error($"{function.Name} {outcome.Describe()} (invocation {invocationId}): {outcome.Error}");
                WriteEmpty(context, StatusCodes.Status500InternalServerError);
                return true;
        }
    }

    private static void WriteEmpty(HttpContext context, int status)
    {
        if (!context.Response.HasStarted)
        {
            context.Response.Clear();
            context.Response.StatusCode = status;
            context.Response.ContentLength = 0;
        }
    }

    private static void DisposeWhenDone(Task<HttpResponseMessage> forwarded) =>
        _ = forwarded.ContinueWith(
            task =>
            {
                if (task.IsCompletedSuccessfully)
                {
                    task.Result.Dispose();
                }
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);

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
