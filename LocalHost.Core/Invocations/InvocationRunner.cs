using YieldDeps.LocalHost.FunctionApp;
using YieldDeps.LocalHost.Functions;
using YieldDeps.LocalHost.Hosting;
using YieldDeps.LocalHost.Rpc;
using YieldDeps.LocalHost.Worker;

namespace YieldDeps.LocalHost.Invocations;

/// <summary>
/// Runs one invocation on the worker with the host's rules: functionTimeout from host.json, and
/// InvocationCancel when the caller gives up (client abort) or the timeout passes; the queue outputs of a successful
/// invocation are then written to <paramref name="queueOutputs"/>.
/// </summary>
internal sealed class InvocationRunner(WorkerConnection connection, HostSettings settings, HostConsole console, QueueOutputs queueOutputs)
{
    public TimeSpan? FunctionTimeout => settings.FunctionTimeout;

    public async Task<InvocationReply> RunAsync(InvocationRequest request, FunctionDescriptor function, CancellationToken aborted)
    {
        var outcome = await RunOnWorkerAsync(request, function.Name, aborted);
        queueOutputs.Collect(function, request.InvocationId, outcome);
        return outcome;
    }

    private async Task<InvocationReply> RunOnWorkerAsync(InvocationRequest request, string functionName, CancellationToken aborted)
    {
        var pending = connection.InvokeAsync(request);
        using var timeout = settings.FunctionTimeout is { } limit ? new CancellationTokenSource(limit) : new CancellationTokenSource();
        using var either = CancellationTokenSource.CreateLinkedTokenSource(aborted, timeout.Token);
        try
        {
            return InvocationReply.From(await pending.WaitAsync(either.Token));
        }
        catch (WorkerUnavailableException exception)
        {
            return new InvocationReply(InvocationReplyKind.WorkerUnavailable, null, exception.Message);
        }
        catch (OperationCanceledException) when (either.IsCancellationRequested)
        {
            connection.Cancel(request.InvocationId);
            ReportLateCompletion(pending, functionName, request.InvocationId);
            return aborted.IsCancellationRequested
                ? new InvocationReply(InvocationReplyKind.Aborted, null, "The caller went away.")
                : new InvocationReply(
                    InvocationReplyKind.TimedOut,
                    null,
                    $"Timeout value of {settings.FunctionTimeout} was exceeded by function: {functionName}");
        }
    }

    /// <summary>The worker still answers a cancelled invocation; say how it ended, for the record.</summary>
    private void ReportLateCompletion(Task<InvocationResponse> pending, string functionName, string invocationId) =>
        _ = pending.ContinueWith(
            task =>
            {
                if (task.IsCompletedSuccessfully)
                {
                    console.Info($"{functionName} ended as {task.Result.Result?.Status.ToString() ?? "Unknown"} after cancellation (invocation {invocationId})");
                }
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
}
