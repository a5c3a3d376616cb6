using YieldDeps.LocalHost.Functions;
using YieldDeps.LocalHost.Hosting;
using YieldDeps.LocalHost.Invocations;

namespace YieldDeps.LocalHost.Http;

/// <summary>Reports how an HTTP invocation ended on the console, and answers one that failed as the Functions host does.</summary>
internal sealed class HttpOutcomeReporter(HostConsole console)
{
    public void Report(FunctionDescriptor function, string invocationId, InvocationReply outcome) =>
        console.Info($"{function.Name} {outcome.Describe()} (invocation {invocationId})");

    /// <summary>
    /// Reports an invocation that did not succeed and, unless the response has started, answers it;
    /// false when it succeeded.
    /// </summary>
    public bool TryWriteFailure(HttpContext context, FunctionDescriptor function, string invocationId, InvocationReply outcome)
    {
        switch (outcome.Kind)
        {
            case InvocationReplyKind.Succeeded:
                return false;
            case InvocationReplyKind.Aborted when context.Response.HasStarted:
                ResponseBodyCanceled(function, invocationId, outcome);
                return true;
            case InvocationReplyKind.Aborted:
                console.Info($"{function.Name} cancelled: the client disconnected (invocation {invocationId})");
                return true;
            case InvocationReplyKind.WorkerUnavailable:
                console.Error($"{function.Name} could not run (invocation {invocationId}): {outcome.Error}");
                WriteEmpty(context, StatusCodes.Status503ServiceUnavailable);
                return true;
            default:
                // Like the Functions host: a failed HTTP invocation is a 500 with an empty body.
                console.Error($"{function.Name} {outcome.Describe()} (invocation {invocationId}): {outcome.Error}");
                WriteEmpty(context, StatusCodes.Status500InternalServerError);
                return true;
        }
    }

    /// <summary>
    /// The client went away while the response streamed. The Functions host counts that execution as failed
    /// (its forwarder's error ResponseBodyCanceled), whatever the worker reported, and so does LocalHost.
    /// </summary>
    public void ResponseBodyCanceled(FunctionDescriptor function, string invocationId, InvocationReply outcome) =>
        console.Error($"{function.Name} failed (invocation {invocationId}): ResponseBodyCanceled, the client went away while the response was sent; " +
            (outcome.Kind == InvocationReplyKind.Aborted ? "the invocation was cancelled" : $"the worker reported the invocation {outcome.Describe()}"));

    public void ResponseUnreadable(FunctionDescriptor function, string invocationId, Exception exception) =>
        console.Error($"{function.Name}: the worker's HTTP response could not be read (invocation {invocationId}): {exception.Message}");

    public static void WriteEmpty(HttpContext context, int status)
    {
        if (!context.Response.HasStarted)
        {
            context.Response.Clear();
            context.Response.StatusCode = status;
            context.Response.ContentLength = 0;
        }
    }
}
