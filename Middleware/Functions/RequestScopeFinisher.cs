using System.Runtime.ExceptionServices;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using YieldDeps.Diagnostics;
using YieldDeps.Engine;

namespace YieldDeps.Functions;

/// <summary>
/// Wraps the whole invocation pipeline, outside the ASP.NET Core integration's own middleware, which writes the
/// function's result to the response after the inner pipeline returned. Once that is done (or has failed), it tears
/// down the request-scoped dependencies the YieldDeps middleware kept open. The response has started by then, so
/// nothing here can change its status: a failing teardown is logged with the dependency's name and shows on the
/// outcome, and a client that went away makes the outcome cancelled.
/// </summary>
internal sealed class RequestScopeFinisher(LoggingDependencyEvents events, ResponseAfterTeardown explainer)
{
    public async Task InvokeAsync(FunctionContext context, FunctionExecutionDelegate next)
    {
        Exception? failure = null;
        try
        {
            await next(context).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            failure = e;
            explainer.Explain(context, e);
        }

        if (InvocationItems.Get(context)?.Invocation.PendingRequestScope is { } pending)
        {
            using (pending)
            {
                var unwrapped = failure is null ? null : ExceptionRules.Unwrap(failure);
                var clientGone = pending.ClientGoneWith(unwrapped) || context.CancellationToken.IsCancellationRequested;
                try
                {
                    // Teardown failures are logged as they happen (event TeardownFailed, naming the dependency).
                    await pending.FinishAsync(unwrapped, clientGone).ConfigureAwait(false);
                }
                finally
                {
                    InvocationItems.Remove(context);
                }

                if (unwrapped is not null && clientGone && ExceptionRules.IsClientGone(unwrapped))
                {
                    // The write failed because nobody was reading any more: not a failure of the function.
                    YieldDepsLog.ClientWentAway(events.Logger, context.FunctionDefinition.Name, context.InvocationId);
                    return;
                }
            }
        }

        if (failure is not null)
        {
            ExceptionDispatchInfo.Throw(failure);
        }
    }
}
