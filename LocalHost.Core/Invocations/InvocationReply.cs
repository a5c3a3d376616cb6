using YieldDeps.LocalHost.Rpc;

namespace YieldDeps.LocalHost.Invocations;

/// <summary>How an invocation ended, from the host's point of view.</summary>
internal sealed record InvocationReply(InvocationReplyKind Kind, InvocationResponse? Response, string? Error)
{
    public bool Succeeded => Kind == InvocationReplyKind.Succeeded;

    /// <summary>The outcome as a past-tense phrase for log lines, e.g. "timed out".</summary>
    public string Describe() => Kind switch
    {
        InvocationReplyKind.TimedOut => "timed out",
        InvocationReplyKind.WorkerUnavailable => "could not run",
        _ => Kind.ToString().ToLowerInvariant(),
    };

    public static InvocationReply From(InvocationResponse response) => response.Result?.Status switch
    {
        StatusResult.Types.Status.Success => new(InvocationReplyKind.Succeeded, response, null),
        StatusResult.Types.Status.Cancelled => new(InvocationReplyKind.Cancelled, response, ErrorOf(response) ?? "The invocation was cancelled."),
        _ => new(InvocationReplyKind.Failed, response, ErrorOf(response) ?? "The invocation failed without an exception."),
    };

    private static string? ErrorOf(InvocationResponse response) =>
        response.Result?.Exception is { Message.Length: > 0 } exception ? exception.Message : null;
}
