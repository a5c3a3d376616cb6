using YieldDeps.LocalHost.Functions;
using YieldDeps.LocalHost.Hosting;
using YieldDeps.LocalHost.Invocations;

namespace YieldDeps.LocalHost.Http;

/// <summary>Reports how an HTTP invocation ended on the console, and answers one that failed as the Functions host does.</summary>
internal sealed class HttpOutcomeReporter(HostConsole console)
{
    public void Report(FunctionDescriptor function, string invocationId, InvocationOutcome outcome) =>
        console.Info($"{function.Name} {outcome.Describe()} (invocation {invocationId})");

    /// <summary>
    /// Reports an invocation that did not succeed and, unless the response has started, answers it;
    /// false when it succeeded.
    /// </summary>
    public bool TryWriteFailure(HttpContext context, FunctionDescriptor function, string invocationId, InvocationOutcome outcome)
    {
        switch (outcome.Kind)
        {
            case InvocationOutcomeKind.Succeeded:
                return false;
            case InvocationOutcomeKind.Aborted:
                console.Info($"{function.Name} cancelled: the client disconnected (invocation {invocationId})");
                return true;
            case InvocationOutcomeKind.WorkerUnavailable:
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
