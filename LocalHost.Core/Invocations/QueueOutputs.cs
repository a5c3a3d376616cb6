using System.Text;
using System.Text.Json;
using YieldDeps.LocalHost.Functions;
using YieldDeps.LocalHost.Hosting;
using YieldDeps.LocalHost.Rpc;

namespace YieldDeps.LocalHost.Invocations;

/// <summary>
/// The messages functions write to queue output bindings. As the Functions host does, the outputs of a successful
/// invocation are written (a failed one writes none), each element of a collection as a message of its own, and a
/// message on a queue that a queue-triggered function of the app reads is delivered to it, with the queue rules of
/// <see cref="NonHttpInvoker"/> (retries, poison queue). Kept in memory, bounded, oldest first out; waiters are told
/// of each new message.
/// </summary>
internal sealed class QueueOutputs(IReadOnlyList<FunctionDescriptor> functions, QueueNames queueNames, HostConsole console)
{
    private const string QueueBindingType = "queue";
    private const int Capacity = 10_000;

    private readonly object gate = new();
    private readonly LinkedList<EnqueuedMessage> messages = new();
    private readonly List<(Func<EnqueuedMessage, bool> Match, TaskCompletionSource<EnqueuedMessage> Found)> waiters = [];
    private Func<FunctionDescriptor, string, Task<NonHttpRun>>? deliver;

    /// <summary>Delivers the messages that follow to the queue-triggered functions reading their queue.</summary>
    public void DeliverWith(Func<FunctionDescriptor, string, Task<NonHttpRun>> run) => deliver = run;

    /// <summary>Writes the queue outputs of a finished invocation of <paramref name="function"/>, if it succeeded.</summary>
    public void Collect(FunctionDescriptor function, string invocationId, InvocationReply outcome)
    {
        if (!outcome.Succeeded || outcome.Response is not { } response)
        {
            return;
        }

        foreach (var binding in function.Bindings.Where(binding =>
                     binding.IsOutput && string.Equals(binding.Type, QueueBindingType, StringComparison.OrdinalIgnoreCase)))
        {
            var data = binding.Name == FunctionDescriptor.ReturnBindingName
                ? response.ReturnValue
                : response.OutputData.FirstOrDefault(output => string.Equals(output.Name, binding.Name, StringComparison.OrdinalIgnoreCase))?.Data;
            var queue = queueNames.OutputQueue(binding);
            foreach (var body in Bodies(data))
            {
                Add(queue, body, function.Name, invocationId);
            }
        }
    }

    /// <summary>The messages written to <paramref name="queue"/> so far, oldest first.</summary>
    public IReadOnlyList<EnqueuedMessage> On(string queue)
    {
        lock (gate)
        {
            return messages.Where(message => string.Equals(message.Queue, queue, StringComparison.OrdinalIgnoreCase)).ToArray();
        }
    }

    /// <summary>The queues the app's functions declare queue output bindings on, sorted.</summary>
    public IReadOnlyList<string> OutputQueues() =>
        functions.SelectMany(function => function.Bindings)
            .Where(binding => binding.IsOutput && string.Equals(binding.Type, QueueBindingType, StringComparison.OrdinalIgnoreCase))
            .Select(queueNames.OutputQueue)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToArray();

    /// <summary>The first message, written so far or later, that <paramref name="match"/> accepts.</summary>
    public async Task<EnqueuedMessage> WaitAsync(Func<EnqueuedMessage, bool> match, CancellationToken cancellationToken)
    {
        var found = new TaskCompletionSource<EnqueuedMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        var waiter = (match, found);
        lock (gate)
        {
            if (messages.FirstOrDefault(match) is { } written)
            {
                return written;
            }

            waiters.Add(waiter);
        }

        try
        {
            return await found.Task.WaitAsync(cancellationToken);
        }
        finally
        {
            lock (gate)
            {
                waiters.Remove(waiter);
            }
        }
    }

    private void Add(string queue, string body, string enqueuedBy, string invocationId)
    {
        var reader = functions.FirstOrDefault(candidate =>
            candidate.IsTriggeredBy(FunctionDescriptor.QueueTriggerType) && string.Equals(queueNames.TriggerQueue(candidate), queue, StringComparison.Ordinal));
        var delivery = reader is not null && deliver is { } run ? run(reader, body) : null;
        var message = new EnqueuedMessage(queue, body, enqueuedBy, invocationId, delivery is null ? null : reader!.Name, delivery);
        console.Info(delivery is null
            ? $"{enqueuedBy} enqueued a message on {queue}, which no function reads (invocation {invocationId})"
            : $"{enqueuedBy} enqueued a message on {queue} for {reader!.Name} (invocation {invocationId})");

        List<TaskCompletionSource<EnqueuedMessage>> told = [];
        lock (gate)
        {
            messages.AddLast(message);
            if (messages.Count > Capacity)
            {
                messages.RemoveFirst();
            }

            foreach (var waiter in waiters.Where(waiter => waiter.Match(message)).ToArray())
            {
                waiters.Remove(waiter);
                told.Add(waiter.Found);
            }
        }

        foreach (var found in told)
        {
            found.TrySetResult(message);
        }
    }

    /// <summary>The messages an output value stands for: one per element of a JSON array (a collection), else one.</summary>
    private static IEnumerable<string> Bodies(TypedData? data)
    {
        switch (data?.DataCase)
        {
            case null or TypedData.DataOneofCase.None:
                yield break;
            case TypedData.DataOneofCase.String:
                yield return data.String;
                break;
            case TypedData.DataOneofCase.Bytes:
                yield return Encoding.UTF8.GetString(data.Bytes.Span);
                break;
            case TypedData.DataOneofCase.Json:
                foreach (var body in JsonBodies(data.Json))
                {
                    yield return body;
                }

                break;
            default:
                yield return data.ToString();
                break;
        }
    }

    private static IEnumerable<string> JsonBodies(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        if (root.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        IEnumerable<JsonElement> items = root.ValueKind == JsonValueKind.Array ? root.EnumerateArray() : [root];
        return items.Select(item => item.ValueKind == JsonValueKind.String ? item.GetString()! : item.GetRawText()).ToArray();
    }
}
