namespace YieldDeps.LocalHost.Invocations;

/// <summary>How an invocation ended; Aborted means the caller (client or stopping host) gave up.</summary>
internal enum InvocationReplyKind
{
    Succeeded,
    Failed,
    Cancelled,
    TimedOut,
    Aborted,
    WorkerUnavailable,
}
