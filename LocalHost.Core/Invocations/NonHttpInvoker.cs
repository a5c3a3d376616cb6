using System.Collections.Concurrent;
using System.Text.Json;
using YieldDeps.LocalHost.FunctionApp;
using YieldDeps.LocalHost.Functions;
using YieldDeps.LocalHost.Hosting;
using YieldDeps.LocalHost.Rpc;

namespace YieldDeps.LocalHost.Invocations;

/// <summary>
/// Invokes functions that are not HTTP-triggered, as Core Tools' admin endpoint does. Queue-triggered
/// functions get queue semantics: the message is retried with a growing DequeueCount until it
/// succeeds or reaches maxDequeueCount, and is then moved to the poison queue.
/// </summary>
internal sealed class NonHttpInvoker(
    InvocationRunner runner,
    InvocationJournal journal,
    HostSettings settings,
    QueueNames queueNames,
    HostConsole console)
{
    private readonly CancellationTokenSource stopping = new();
    private readonly ConcurrentDictionary<Task, bool> running = new();

    /// <summary>Starts the invocation in the background; the outcome goes to the journal and the console.</summary>
    public void Start(FunctionDescriptor function, string? input) => _ = RunAsync(function, input);

    /// <summary>
    /// Runs the invocation (for a queue message, every attempt up to the poison queue) and completes with its
    /// attempts once it has ended; the outcome also goes to the journal and the console.
    /// </summary>
    public Task<NonHttpRun> RunAsync(FunctionDescriptor function, string? input)
    {
        var task = Task.Run(() => function.IsTriggeredBy(FunctionDescriptor.QueueTriggerType)
            ? ProcessQueueMessageAsync(function, input ?? string.Empty)
            : InvokeOnceAsync(function, input));
        running[task] = true;
        _ = task.ContinueWith(finished => running.TryRemove(finished, out _), TaskScheduler.Default);
        return task;
    }

    /// <summary>Stops starting new attempts and waits briefly for those in flight.</summary>
    public async Task StopAsync(TimeSpan wait)
    {
        await stopping.CancelAsync();
        await Task.WhenAny(Task.WhenAll(running.Keys), Task.Delay(wait));
    }

    private async Task<NonHttpRun> InvokeOnceAsync(FunctionDescriptor function, string? input)
    {
        var request = NewRequest(function);
        var trigger = function.Trigger;
        var data = string.Equals(trigger?.Type, "timerTrigger", StringComparison.OrdinalIgnoreCase) && string.IsNullOrEmpty(input)
            ? TypedDataFactory.Json(new { IsPastDue = false })
            : TypedDataFactory.String(input ?? string.Empty);
        request.InputData.Add(new ParameterBinding { Name = trigger?.Name ?? "input", Data = data });

        var outcome = await runner.RunAsync(request, function, stopping.Token);
        Record(function, input, request.InvocationId, attempt: 1, maxAttempts: 1, outcome);
        return new NonHttpRun([outcome], null);
    }

    private async Task<NonHttpRun> ProcessQueueMessageAsync(FunctionDescriptor function, string message)
    {
        var queue = queueNames.TriggerQueue(function);
        var messageId = Guid.NewGuid().ToString();
        var insertedAt = DateTimeOffset.UtcNow;
        string? lastError = null;
        var attempts = new List<InvocationReply>();

        for (var dequeueCount = 1; dequeueCount <= settings.MaxDequeueCount; dequeueCount++)
        {
            if (stopping.IsCancellationRequested)
            {
                return new NonHttpRun(attempts, null);
            }

            var request = NewRequest(function);
            request.InputData.Add(new ParameterBinding { Name = function.Trigger!.Name, Data = TypedDataFactory.String(message) });
            var metadata = request.TriggerMetadata;
            metadata["QueueTrigger"] = TypedDataFactory.String(message);
            metadata["DequeueCount"] = TypedDataFactory.Number(dequeueCount);
            metadata["Id"] = TypedDataFactory.String(messageId);
            metadata["PopReceipt"] = TypedDataFactory.String(Guid.NewGuid().ToString());
            metadata["InsertionTime"] = TypedDataFactory.Time(insertedAt);
            metadata["ExpirationTime"] = TypedDataFactory.Time(insertedAt.AddDays(7));
            metadata["NextVisibleTime"] = TypedDataFactory.Time(DateTimeOffset.UtcNow.AddMinutes(10));

            var outcome = await runner.RunAsync(request, function, stopping.Token);
            Record(function, message, request.InvocationId, dequeueCount, settings.MaxDequeueCount, outcome);
            attempts.Add(outcome);
            if (outcome.Succeeded || outcome.Kind is InvocationReplyKind.WorkerUnavailable or InvocationReplyKind.Aborted)
            {
                return new NonHttpRun(attempts, null);
            }

            lastError = outcome.Error;
        }

        var poisonQueue = QueueNames.PoisonQueue(queue);
        var poison = new PoisonMessage(poisonQueue, function.Name, messageId, message, settings.MaxDequeueCount, lastError, DateTimeOffset.UtcNow);
        journal.AddPoison(poison);
        console.Info($"message for {function.Name} moved to poison queue {poisonQueue} after {settings.MaxDequeueCount} attempts");
        return new NonHttpRun(attempts, poison);
    }

    private InvocationRequest NewRequest(FunctionDescriptor function)
    {
        var request = new InvocationRequest
        {
            InvocationId = Guid.NewGuid().ToString(),
            FunctionId = function.FunctionId,
            TraceContext = TraceContextFactory.Create(),
        };
        request.TriggerMetadata["sys"] = TypedDataFactory.Sys(function.Name);
        return request;
    }

    private void Record(FunctionDescriptor function, string? input, string invocationId, int attempt, int maxAttempts, InvocationReply outcome)
    {
        journal.Add(new InvocationRecord(invocationId, function.Name, input, attempt, outcome.Kind.ToString(), outcome.Error, DateTimeOffset.UtcNow));
        var attemptText = maxAttempts > 1 ? $", attempt {attempt} of {maxAttempts}" : string.Empty;
        if (outcome.Succeeded)
        {
            console.Info($"{function.Name} succeeded (invocation {invocationId}{attemptText})");
        }
        else
        {
            console.Error($"{function.Name} {outcome.Describe()} (invocation {invocationId}{attemptText}): {FirstLine(outcome.Error)}");
        }
    }

    private static string FirstLine(string? text) =>
        text is null ? string.Empty : text.Split('\n', 2)[0].TrimEnd('\r');

    /// <summary>Reads the "input" of an admin invocation body; a JSON value that is not a string is passed as its JSON text.</summary>
    public static bool TryReadInput(JsonElement body, out string? input)
    {
        input = null;
        if (body.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        if (!body.TryGetProperty("input", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        input = value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText();
        return true;
    }
}
