using YieldDeps.LocalHost.Functions;
using YieldDeps.LocalHost.Invocations;

namespace YieldDeps.LocalHost.Http;

/// <summary>
/// Passes the worker's response to one forwarded request on to the client as the worker writes it,
/// while the invocation outcome (which the worker reports only after its whole pipeline, response
/// included, has run) decides how the response ends.
/// <list type="bullet">
/// <item>Outcome before any body: a failure is answered as failures are (500/503, empty); a success passes the response on.</item>
/// <item>Body before the outcome: the response starts at once and each chunk is flushed on arrival. Its end
/// is held back until the outcome is in; a failure then aborts the client connection, so the client sees a
/// truncated response rather than a clean end.</item>
/// <item>The whole body in hand before the outcome and before anything was sent: decided as "outcome before
/// any body", so the worker's empty 200 for a failed invocation never reaches the client.</item>
/// <item>The client goes away: the forwarded request is cancelled (the worker's request is aborted) and so is
/// the invocation. Once the response has started, that execution is reported as failed (ResponseBodyCanceled), as
/// the Functions host does.</item>
/// </list>
/// </summary>
internal sealed class ForwardedResponseRelay(
    HttpContext context,
    FunctionDescriptor function,
    string invocationId,
    Task<InvocationReply> invocation,
    Task<HttpResponseMessage> forwarded,
    CancellationTokenSource clientGone,
    CancellationTokenSource forwardStop,
    HttpOutcomeReporter reporter)
{
    /// <summary>How long the worker may keep LocalHost waiting for its response once the invocation has succeeded.</summary>
    private static readonly TimeSpan ForwardedResponseGrace = TimeSpan.FromSeconds(30);

    private const int ChunkSize = 16 * 1024;

    private InvocationReply? outcome;

    /// <summary>Completes once the client has its answer and the invocation and the forwarded request are both done.</summary>
    public async Task RunAsync()
    {
        var response = await ReceiveHeadersAsync();
        if (response is null)
        {
            return;
        }

        using (response)
        {
            await RelayBodyAsync(response);
        }
    }

    /// <summary>The worker's response once its headers are in, or null when the client has already been answered.</summary>
    private async Task<HttpResponseMessage?> ReceiveHeadersAsync()
    {
        if (await Task.WhenAny(invocation, forwarded) == invocation)
        {
            outcome = await invocation;
            if (!outcome.Succeeded)
            {
                await StopForwardingAsync();
                reporter.TryWriteFailure(context, function, invocationId, outcome);
                return null;
            }
        }

        try
        {
            // Once the invocation has succeeded the response is due, so the wait for it is bounded.
            return outcome is null ? await forwarded : await forwarded.WaitAsync(ForwardedResponseGrace, clientGone.Token);
        }
        catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException or TimeoutException)
        {
            await StopForwardingAsync();
            if (clientGone.IsCancellationRequested)
            {
                await EndAfterClientLeftAsync();
                return null;
            }

            outcome ??= await invocation;
            if (!reporter.TryWriteFailure(context, function, invocationId, outcome))
            {
                reporter.ResponseUnreadable(function, invocationId, exception);
                HttpOutcomeReporter.WriteEmpty(context, StatusCodes.Status500InternalServerError);
            }

            return null;
        }
    }

    private async Task RelayBodyAsync(HttpResponseMessage response)
    {
        var buffer = new byte[ChunkSize];
        var declaredLength = response.Content.Headers.ContentLength;
        long received = 0;
        Stream body;
        try
        {
            body = await response.Content.ReadAsStreamAsync(forwardStop.Token);
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException or OperationCanceledException)
        {
            await EndAfterBrokenResponseAsync(exception);
            return;
        }

        while (true)
        {
            var read = body.ReadAsync(buffer, forwardStop.Token).AsTask();
            if (outcome is null && await Task.WhenAny(read, invocation) == invocation)
            {
                outcome = await invocation;
                if (!outcome.Succeeded)
                {
                    await forwardStop.CancelAsync();
                    await ObserveAsync(read);
                    EndWithFailure(outcome);
                    return;
                }
            }

            int count;
            try
            {
                // Once the invocation has succeeded the rest of the body is due, so each wait for it is bounded.
                count = outcome is null ? await read : await read.WaitAsync(ForwardedResponseGrace);
            }
            catch (TimeoutException exception)
            {
                await forwardStop.CancelAsync();
                await ObserveAsync(read);
                await EndAfterBrokenResponseAsync(exception);
                return;
            }
            catch (Exception exception) when (exception is HttpRequestException or IOException or OperationCanceledException)
            {
                await EndAfterBrokenResponseAsync(exception);
                return;
            }

            if (count == 0)
            {
                // The end of the body reaches the client (when this request returns) only after a success.
                var final = outcome ??= await invocation;
                if (!final.Succeeded)
                {
                    EndWithFailure(final);
                    return;
                }

                if (!context.Response.HasStarted)
                {
                    AspNetCoreForwarder.CopyStatusAndHeaders(response, context.Response);
                }

                reporter.Report(function, invocationId, final);
                return;
            }

            received += count;
            if (received == declaredLength && !context.Response.HasStarted)
            {
                // The whole body is in hand before anything was sent: a failure is answered as failures are.
                outcome ??= await invocation;
                if (!outcome.Succeeded)
                {
                    EndWithFailure(outcome);
                    return;
                }
            }

            if (!await TryWriteToClientAsync(response, buffer.AsMemory(0, count)))
            {
                await EndAfterClientLeftAsync();
                return;
            }
        }
    }

    private async Task<bool> TryWriteToClientAsync(HttpResponseMessage response, ReadOnlyMemory<byte> chunk)
    {
        try
        {
            if (!context.Response.HasStarted)
            {
                AspNetCoreForwarder.CopyStatusAndHeaders(response, context.Response);
            }

            // Flushed chunk by chunk, so nothing the function has written waits in a buffer here.
            await context.Response.Body.WriteAsync(chunk, clientGone.Token);
            await context.Response.Body.FlushAsync(clientGone.Token);
            return true;
        }
        catch (Exception exception) when (exception is IOException or OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>The worker's response failed or stalled before its end.</summary>
    private async Task EndAfterBrokenResponseAsync(Exception exception)
    {
        if (clientGone.IsCancellationRequested)
        {
            await EndAfterClientLeftAsync();
            return;
        }

        await StopForwardingAsync();
        outcome ??= await invocation;
        if (outcome.Succeeded)
        {
            reporter.ResponseUnreadable(function, invocationId, exception);
            HttpOutcomeReporter.WriteEmpty(context, StatusCodes.Status500InternalServerError);
            AbortIfStarted();
            return;
        }

        EndWithFailure(outcome);
    }

    /// <summary>Stops the forwarded request (so the worker's request is aborted) and the invocation, and says so.</summary>
    private async Task EndAfterClientLeftAsync()
    {
        await clientGone.CancelAsync();
        outcome ??= await invocation;
        if (context.Response.HasStarted)
        {
            // Part of the response was sent: like the Functions host, a failed execution, whatever the worker says.
            reporter.ResponseBodyCanceled(function, invocationId, outcome);
            return;
        }

        // For an invocation stopped by the cancellation this says that the client disconnected.
        if (!reporter.TryWriteFailure(context, function, invocationId, outcome))
        {
            reporter.Report(function, invocationId, outcome);
        }
    }

    private void EndWithFailure(InvocationReply failure)
    {
        reporter.TryWriteFailure(context, function, invocationId, failure);
        AbortIfStarted();
    }

    /// <summary>A response that has started can only be cut off; that tells the client it is incomplete.</summary>
    private void AbortIfStarted()
    {
        if (context.Response.HasStarted)
        {
            context.Abort();
        }
    }

    private async Task StopForwardingAsync()
    {
        await forwardStop.CancelAsync();
        try
        {
            (await forwarded).Dispose();
        }
        catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException)
        {
            // The request was given up on purpose; how it ended does not matter any more.
        }
    }

    private static async Task ObserveAsync(Task<int> read)
    {
        try
        {
            await read;
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException or OperationCanceledException)
        {
            // Cancelled on purpose.
        }
    }
}
