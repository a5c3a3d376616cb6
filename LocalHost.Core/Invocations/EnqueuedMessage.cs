namespace YieldDeps.LocalHost.Invocations;

/// <summary>
/// A message a function wrote to a queue output binding, and its delivery: the queue-triggered function that reads
/// that queue and the run of that function with the message (retries and poison queue included); both null when no
/// function of the app reads the queue.
/// </summary>
internal sealed record EnqueuedMessage(
    string Queue,
    string Body,
    string EnqueuedBy,
    string InvocationId,
    string? DeliveredTo,
    Task<NonHttpRun>? Delivery);
