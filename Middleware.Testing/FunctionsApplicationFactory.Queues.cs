using YieldDeps.LocalHost.Invocations;

namespace YieldDeps.Testing;

/// <summary>What the app's functions write to queues.</summary>
public partial class FunctionsApplicationFactory<TEntryPoint>
{
    private static readonly TimeSpan DefaultQueueWait = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Waits for a message on a queue that a function of the app writes to through a queue output binding
    /// (<c>[QueueOutput("orders-to-ship")]</c>), and returns it. Every message written since the app started counts,
    /// in the order written, so a message written before the call is found too: in a fixture shared by several tests,
    /// pass <paramref name="match"/> to pick the test's own (<c>message =&gt; message.Body == "42"</c>). As under the
    /// Functions host, only a successful invocation writes its outputs, and a message on a queue that a
    /// queue-triggered function of the app reads is delivered to it (<see cref="QueueMessage.Processed"/>). Starts the
    /// app if it has not started.
    /// </summary>
    /// <param name="queueName">The queue, as the binding names it (<c>%Setting%</c> placeholders resolved); case does not matter.</param>
    /// <param name="match">Which message to wait for; the first on the queue when null.</param>
    /// <param name="timeout">How long to wait; 30 seconds when null.</param>
    /// <param name="cancellationToken">Stops the wait.</param>
    /// <exception cref="ArgumentException">No function of the app writes to <paramref name="queueName"/>; the message names the queues they write to.</exception>
    /// <exception cref="TimeoutException">No message matched in time; the message lists what the queue holds.</exception>
    public async Task<QueueMessage> WaitForQueueMessageAsync(
        string queueName,
        Func<QueueMessage, bool>? match = null,
        TimeSpan? timeout = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(queueName);
        await StartAsync(cancellationToken);
        var outputs = OutputsOn(queueName);
        var limit = timeout ?? DefaultQueueWait;
        using var timer = new CancellationTokenSource(limit);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(timer.Token, cancellationToken);
        try
        {
            var found = await outputs.WaitAsync(
                message => string.Equals(message.Queue, queueName, StringComparison.OrdinalIgnoreCase) && (match is null || match(new QueueMessage(message))),
                either.Token);
            return new QueueMessage(found);
        }
        catch (OperationCanceledException) when (timer.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            var written = outputs.On(queueName);
            var held = written.Count == 0
                ? "nothing was written to it"
                : $"it holds {written.Count} message(s): {string.Join(", ", written.TakeLast(10).Select(message => $"'{message.Body}' from {message.EnqueuedBy}"))}";
            throw new TimeoutException(
                $"No message on queue '{queueName}'{(match is null ? string.Empty : " matched")} within {limit}; {held}.");
        }
    }

    /// <summary>
    /// The messages the app's functions have written to a queue so far, oldest first; for example to check that a
    /// failed invocation wrote none. Starts the app if it has not started.
    /// </summary>
    /// <param name="queueName">The queue, as the binding names it (<c>%Setting%</c> placeholders resolved); case does not matter.</param>
    /// <exception cref="ArgumentException">No function of the app writes to <paramref name="queueName"/>.</exception>
    public IReadOnlyList<QueueMessage> GetQueueMessages(string queueName)
    {
        ArgumentException.ThrowIfNullOrEmpty(queueName);
        EnsureStarted();
        return OutputsOn(queueName).On(queueName).Select(message => new QueueMessage(message)).ToArray();
    }

    private QueueOutputs OutputsOn(string queueName)
    {
        var outputs = session!.QueueOutputs;
        var queues = outputs.OutputQueues();
        if (!queues.Contains(queueName, StringComparer.OrdinalIgnoreCase))
        {
            throw new ArgumentException(
                queues.Count == 0
                    ? $"No function of the app writes to queue '{queueName}': it has no queue output bindings."
                    : $"No function of the app writes to queue '{queueName}'; its queue output bindings write to: {string.Join(", ", queues)}.",
                nameof(queueName));
        }

        return outputs;
    }
}
