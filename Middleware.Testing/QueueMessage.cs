using YieldDeps.LocalHost.Invocations;
using YieldDeps.Testing.Factory;

namespace YieldDeps.Testing;

/// <summary>
/// A message a function of the app wrote to a queue output binding, as
/// <see cref="FunctionsApplicationFactory{TEntryPoint}.WaitForQueueMessageAsync"/> and
/// <see cref="FunctionsApplicationFactory{TEntryPoint}.GetQueueMessages"/> give it. As under the Functions host, a
/// message on a queue that a queue-triggered function of the app reads is delivered to that function, with the
/// host's retries and poison queue; <see cref="Processed"/> completes when it has been.
/// </summary>
public sealed class QueueMessage
{
    private readonly Lazy<Task<FunctionInvocationResult?>> processed;

    internal QueueMessage(EnqueuedMessage message)
    {
        Queue = message.Queue;
        Body = message.Body;
        EnqueuedBy = message.EnqueuedBy;
        ProcessedBy = message.DeliveredTo;
        processed = new Lazy<Task<FunctionInvocationResult?>>(() => message.Delivery is { } delivery && message.DeliveredTo is { } function
            ? delivery.ContinueWith<FunctionInvocationResult?>(
                run => InvocationResults.From(function, run.Result),
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default)
            : Task.FromResult<FunctionInvocationResult?>(null));
    }

    /// <summary>The queue's name, lower case as queue names are, with <c>%Setting%</c> placeholders resolved.</summary>
    public string Queue { get; }

    /// <summary>The message's text: a string as written, an object as the JSON the worker serialized it to.</summary>
    public string Body { get; }

    /// <summary>The name of the function that wrote the message.</summary>
    public string EnqueuedBy { get; }

    /// <summary>The name of the queue-triggered function the message is delivered to, or null when no function of the app reads the queue.</summary>
    public string? ProcessedBy { get; }

    /// <summary>
    /// Completes when <see cref="ProcessedBy"/> has processed the message (every attempt, up to the poison queue), with
    /// how it ended; with null at once when no function reads the queue. Give it a limit with <c>WaitAsync(timeout)</c>.
    /// </summary>
    public Task<FunctionInvocationResult?> Processed => processed.Value;

    /// <inheritdoc/>
    public override string ToString() => $"{Queue}: {Body}";
}
