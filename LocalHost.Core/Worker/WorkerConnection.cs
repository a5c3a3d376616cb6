using System.Collections.Concurrent;
using System.Threading.Channels;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using GrpcStatusException = Grpc.Core.RpcException;
using YieldDeps.LocalHost.Rpc;

namespace YieldDeps.LocalHost.Worker;

/// <summary>
/// The host's end of the single gRPC stream to the worker. Outgoing messages go through one queue
/// drained by one writer (gRPC allows one write at a time); responses are matched to requests by
/// request id, and invocation responses by invocation id, so any number of invocations can be in flight.
/// </summary>
internal sealed class WorkerConnection(WorkerLogWriter logWriter)
{
    private readonly Channel<StreamingMessage> outgoing = Channel.CreateUnbounded<StreamingMessage>(
        new UnboundedChannelOptions { SingleReader = true });

    private readonly ConcurrentDictionary<string, TaskCompletionSource<StreamingMessage>> pendingRequests = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource<InvocationResponse>> pendingInvocations = new();
    private readonly TaskCompletionSource connected = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<string> closed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Cancelled by <see cref="Fail"/>, so that a stream the worker leaves open ends with the connection.</summary>
    private readonly CancellationTokenSource stopReading = new();
    private int attached;
    private volatile WorkerUnavailableException? failure;

    /// <summary>Completes when the worker has opened its stream and sent StartStream.</summary>
    public Task Connected => connected.Task;

    /// <summary>Completes with a reason when the stream is gone for good.</summary>
    public Task<string> Closed => closed.Task;

    public int PendingInvocationCount => pendingInvocations.Count;

    /// <summary>Serves one EventStream call for as long as the worker keeps it open.</summary>
    public async Task RunStreamAsync(
        IAsyncStreamReader<StreamingMessage> requests,
        IServerStreamWriter<StreamingMessage> responses,
        CancellationToken cancellationToken)
    {
        if (!await requests.MoveNext(cancellationToken))
        {
            return;
        }

        if (requests.Current.ContentCase != StreamingMessage.ContentOneofCase.StartStream)
        {
            throw new GrpcStatusException(new Status(StatusCode.InvalidArgument, "The first message must be StartStream."));
        }

        if (Interlocked.Exchange(ref attached, 1) == 1)
        {
            throw new GrpcStatusException(new Status(StatusCode.AlreadyExists, "LocalHost serves a single worker stream."));
        }

        connected.TrySetResult();
        using var reading = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, stopReading.Token);
        using var writerStop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var writer = WriteAllAsync(responses, writerStop.Token);
        var reason = "the worker closed its gRPC stream";
        try
        {
            while (await requests.MoveNext(reading.Token))
            {
                Dispatch(requests.Current);
            }
        }
        catch (Exception exception) when (exception is IOException or OperationCanceledException or GrpcStatusException or InvalidOperationException)
        {
            reason = $"the worker's gRPC stream broke ({exception.GetType().Name}: {exception.Message})";
        }
        finally
        {
            await writerStop.CancelAsync();
            try
            {
                await writer;
            }
            catch (Exception exception) when (exception is OperationCanceledException or IOException or InvalidOperationException)
            {
                // The stream is going away; nothing more can be written anyway.
            }

            Fail(reason);
        }
    }

    /// <summary>Sends a request and waits for the worker's response carrying the same request id.</summary>
    public async Task<StreamingMessage> RequestAsync(StreamingMessage message, CancellationToken cancellationToken)
    {
        message.RequestId = Guid.NewGuid().ToString();
        var completion = new TaskCompletionSource<StreamingMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        pendingRequests[message.RequestId] = completion;
        FailIfClosed(completion);
        Enqueue(message);
        try
        {
            return await completion.Task.WaitAsync(cancellationToken);
        }
        finally
        {
            pendingRequests.TryRemove(message.RequestId, out _);
        }
    }

    /// <summary>Starts an invocation; the task completes with the worker's response, or fails if the worker goes away.</summary>
    public Task<InvocationResponse> InvokeAsync(InvocationRequest request)
    {
        var completion = new TaskCompletionSource<InvocationResponse>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!pendingInvocations.TryAdd(request.InvocationId, completion))
        {
            throw new InvalidOperationException($"Invocation {request.InvocationId} is already in flight.");
        }

        FailIfClosed(completion);
        Enqueue(new StreamingMessage { RequestId = Guid.NewGuid().ToString(), InvocationRequest = request });
        return completion.Task;
    }

    /// <summary>Asks the worker to cancel an invocation's CancellationToken; its response still follows.</summary>
    public void Cancel(string invocationId) =>
        Enqueue(new StreamingMessage { InvocationCancel = new InvocationCancel { InvocationId = invocationId } });

    public void Terminate(TimeSpan gracePeriod) =>
        Enqueue(new StreamingMessage { WorkerTerminate = new WorkerTerminate { GracePeriod = Duration.FromTimeSpan(gracePeriod) } });

    /// <summary>Marks the connection dead and fails everything still waiting on it.</summary>
    public void Fail(string reason)
    {
        failure ??= new WorkerUnavailableException($"The worker is unavailable: {reason}.");
        closed.TrySetResult(reason);
        outgoing.Writer.TryComplete();
        stopReading.Cancel();
        foreach (var pending in pendingRequests.Values)
        {
            pending.TrySetException(failure);
        }

        foreach (var pending in pendingInvocations.Values)
        {
            pending.TrySetException(failure);
        }
    }

    private void FailIfClosed<T>(TaskCompletionSource<T> completion)
    {
        // Checked after registering, so a concurrent Fail either sees the entry or we see the failure.
        if (failure is { } current)
        {
            completion.TrySetException(current);
        }
    }

    private void Enqueue(StreamingMessage message) => outgoing.Writer.TryWrite(message);

    private async Task WriteAllAsync(IServerStreamWriter<StreamingMessage> responses, CancellationToken cancellationToken)
    {
        await foreach (var message in outgoing.Reader.ReadAllAsync(cancellationToken))
        {
            await responses.WriteAsync(message, cancellationToken);
        }
    }

    private void Dispatch(StreamingMessage message)
    {
        switch (message.ContentCase)
        {
            case StreamingMessage.ContentOneofCase.RpcLog:
                logWriter.Write(message.RpcLog);
                break;
            case StreamingMessage.ContentOneofCase.InvocationResponse:
                if (pendingInvocations.TryRemove(message.InvocationResponse.InvocationId, out var invocation))
                {
                    invocation.TrySetResult(message.InvocationResponse);
                }

                break;
            default:
                if (pendingRequests.TryGetValue(message.RequestId, out var request))
                {
                    request.TrySetResult(message);
                }

                break;
        }
    }
}
