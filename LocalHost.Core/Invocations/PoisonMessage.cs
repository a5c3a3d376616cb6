namespace YieldDeps.LocalHost.Invocations;

/// <summary>A queue message that failed maxDequeueCount times, as returned by GET /admin/poison/{queue}.</summary>
internal sealed record PoisonMessage(
    string Queue,
    string Function,
    string MessageId,
    string Message,
    int DequeueCount,
    string? Error,
    DateTimeOffset PoisonedAt);
