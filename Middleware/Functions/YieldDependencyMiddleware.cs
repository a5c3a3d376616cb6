using System.Runtime.ExceptionServices;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using YieldDeps.Diagnostics;
using YieldDeps.Engine;

namespace YieldDeps.Functions;

/// <summary>
/// The function-invocation middleware: sets the function's dependencies up before the body (binding and the
/// creation of the function class happen inside <c>next</c>, so they see the values), tears them down after it in
/// reverse order, and maps what the invocation ends with to the trigger. Singleton and stateless: all
/// per-invocation state lives in a <see cref="FunctionInvocation"/>, reachable from <see cref="FunctionContext.Items"/>.
/// </summary>
internal sealed class YieldDependencyMiddleware(FunctionPlanCache plans, HttpProblemWriter problems, LoggingDependencyEvents events, PipelineFacts pipeline)
    : IFunctionsWorkerMiddleware
{
    public Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        FunctionEntry function;
        try
        {
            function = plans.Get(context);
        }
        catch (Exception e)
        {
            // A plan that cannot be built (an override whose parameters do not resolve, a function startup did not
            // scan) fails this invocation like any other error, never with an empty success.
            return EndAsync(context, HttpTrigger.Is(context.FunctionDefinition), e, OutcomeStatus.Faulted);
        }

        // Decided once per function, when its plan was built: a function that needs nothing from YieldDeps runs with
        // no per-invocation state at all.
        return function.Path switch
        {
            InvocationPath.Direct => InvokeWithoutDependencies(context, next),
            InvocationPath.HttpDirect => InvokeHttpWithoutDependenciesAsync(context, next),
            _ => InvokeWithDependenciesAsync(context, next, function),
        };
    }

    private async Task InvokeWithDependenciesAsync(FunctionContext context, FunctionExecutionDelegate next, FunctionEntry function)
    {
        var item = new FunctionInvocation(context, function.Plan, events);
        var invocation = item.Invocation;
        InvocationItems.Set(context, item);
        Exception? failure = null;
        try
        {
            await invocation.SetupAsync(context.CancellationToken).ConfigureAwait(false);
            invocation.Outcome.EnterBody();
            await next(context).ConfigureAwait(false);
            if (function.IsHttp)
            {
                invocation.Outcome.HttpStatus = HttpResults.ReadStatus(context);
            }
        }
        catch (Exception e)
        {
            failure = ExceptionRules.Unwrap(e);
        }

        // Under the ASP.NET Core integration the response is written after this middleware returns: request-scoped
        // dependencies stay open for it (RequestScopeFinisher tears them down), and a client that went away is seen
        // on the request itself.
        var clientGone = function.IsHttp && AspNetCoreHttpContext.IsAborted(context);
        var defer = function.Plan.HasRequestScoped && pipeline.FinishesRequestScope && function.IsHttp && AspNetCoreHttpContext.Of(context) is not null;
        Exception? final;
        try
        {
            final = await invocation.TeardownAsync(failure, defer, clientGone).ConfigureAwait(false);
        }
        finally
        {
            if (invocation.PendingRequestScope is { } pending)
            {
                // Kept for RequestScopeFinisher, with the request watched while it is alive.
                pending.Watch(AspNetCoreHttpContext.RequestAborted(context));
            }
            else
            {
                InvocationItems.Remove(context);
            }
        }

        if (final is null && function.Plan.UnsavedChangesProbes is not null)
        {
            // An EF Core context allowed without a unit of work: a write the function did not save is not lost silently.
            foreach (var unsaved in invocation.ContextsWithUnsavedChanges())
            {
                YieldDepsLog.UnsavedChanges(events.Logger, context.FunctionDefinition.Name, context.InvocationId, TypeNames.Of(unsaved));
            }
        }

        if (final is not null && clientGone && ExceptionRules.IsClientGone(final))
        {
            EndForClientGone(context, final, invocation.Outcome.Status);
            return;
        }

        await EndAsync(context, function.IsHttp, final, invocation.Outcome.Status).ConfigureAwait(false);
        if (final is null && function.IsHttp && AspNetCoreHttpContext.Of(context) is not null)
        {
            // The function's own result is written after this returns, with these dependencies already torn down.
            ResponseAfterTeardown.Mark(context, invocation.PendingRequestScope is null ? function.TornDownBeforeResponse : function.TornDownBeforeKeptResponse);
        }
    }

    /// <summary>Nobody is left to answer: not a failure of the function, so no response, no 500 and no error log or span error.</summary>
    private void EndForClientGone(FunctionContext context, Exception final, OutcomeStatus status)
    {
        YieldDepsLog.ClientWentAway(events.Logger, context.FunctionDefinition.Name, context.InvocationId);
        HttpResults.ClearOutputs(context, keepHttp: false);
        InvocationActivity.Failed(final, status, isError: false);
    }

    /// <summary>Maps what the invocation ends with to the trigger: a problem response for HTTP, the exception for the rest.</summary>
    private async Task EndAsync(FunctionContext context, bool isHttp, Exception? final, OutcomeStatus status)
    {
        switch (final)
        {
            case null:
                return;
            case ResultCountedAsFailureException counted:
                // The dependencies rolled back; the response the function produced stands, nothing else is emitted.
                HttpResults.ClearOutputs(context, keepHttp: true);
                YieldDepsLog.ResultCountedAsFailure(events.Logger, context.FunctionDefinition.Name, context.InvocationId, counted.HttpStatus);
                InvocationActivity.Failed(final, status, InvocationActivity.IsServerError(counted.HttpStatus));
                return;
        }

        if (isHttp)
        {
            await OversizedBodyDrain.DrainIfRefusedAsync(context, final).ConfigureAwait(false);
            if (await problems.TryWriteAsync(context, final).ConfigureAwait(false))
            {
                InvocationActivity.Failed(final, status, InvocationActivity.IsServerError(HttpResults.ReadStatus(context) ?? 500));
                return;
            }

            YieldDepsLog.NoHttpResponseWritten(events.Logger, context.FunctionDefinition.Name, context.InvocationId);
        }

        HttpResults.ClearOutputs(context, keepHttp: false);
        InvocationActivity.Failed(final, status, isError: true);
        ExceptionDispatchInfo.Throw(final);
    }

    private static Task InvokeWithoutDependencies(FunctionContext context, FunctionExecutionDelegate next)
    {
        var pending = next(context);
        return pending.IsCompletedSuccessfully ? pending : UnwrapFailureAsync(pending);
    }

    private static async Task UnwrapFailureAsync(Task pending)
    {
        try
        {
            await pending.ConfigureAwait(false);
        }
        catch (AggregateException e) when (ExceptionRules.Unwrap(e) is var inner && inner != e)
        {
            ExceptionDispatchInfo.Throw(inner);
        }
    }

    /// <summary>Counts an invocation that did not go through the engine, as the engine counts the others, when anybody listens.</summary>
    private void CountInvocation(FunctionContext context, OutcomeStatus status)
    {
        if (plans.Catalog.Telemetry is { IsObserved: true } telemetry)
        {
            telemetry.InvocationEnded(context.FunctionDefinition.Name, status);
        }
    }

    /// <summary>
    /// An HTTP function without dependencies, no outcome parameter and no app-wide failure rule: nothing to set up or
    /// tear down, but what it ends with still gets the HTTP mapping, exactly as through the full path.
    /// </summary>
    private async Task InvokeHttpWithoutDependenciesAsync(FunctionContext context, FunctionExecutionDelegate next)
    {
        Exception? failure = null;
        try
        {
            await next(context).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            failure = ExceptionRules.Unwrap(e);
        }

        // As the engine ends an invocation that had nothing to tear down.
        var clientGone = AspNetCoreHttpContext.IsAborted(context);
        var status = StatusRules.AtEndOfBody(ref failure, clientGone, context.CancellationToken);
        CountInvocation(context, status);
        if (failure is null)
        {
            return;
        }

        if (clientGone && ExceptionRules.IsClientGone(failure))
        {
            EndForClientGone(context, failure, status);
            return;
        }

        await EndAsync(context, isHttp: true, failure, status).ConfigureAwait(false);
    }
}
