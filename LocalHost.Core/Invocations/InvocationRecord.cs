namespace YieldDeps.LocalHost.Invocations;

/// <summary>One finished attempt of a non-HTTP invocation, as returned by GET /admin/invocations.</summary>
internal sealed record InvocationRecord(
    string InvocationId,
    string Function,
    string? Input,
    int Attempt,
    string Status,
    string? Error,
    DateTimeOffset FinishedAt);
