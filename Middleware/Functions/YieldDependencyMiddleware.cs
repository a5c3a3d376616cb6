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
/// per-invocation state lives in <see cref="DependencyInvocation"/>, reachable from <see cref="FunctionContext.Items"/>.
/// </summary>
internal sealed class YieldDependencyMiddleware(FunctionPlanCache plans, HttpProblemWriter problems, LoggingDependencyEvents events, PipelineSetup setup)
    : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
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
            await EndAsync(context, HttpResults.IsHttpTrigger(context.FunctionDefinition), e, outcome: null).ConfigureAwait(false);
            return;
        }

        if (function.Plan.IsEmpty && !function.IsHttp)
        {
            await InvokeWithoutDependenciesAsync(context, next).ConfigureAwait(false);
            return;
        }

        var invocation = new DependencyInvocation(plans.Catalog, function.Plan, context, events);
        InvocationItems.Set(context, invocation);
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
        var defer = function.Plan.HasRequestScoped && setup.FinisherActive && function.IsHttp && AspNetCoreHttpContext.Of(context) is not null;
        Exception? final;
        try
        {
            final = await invocation.TeardownAsync(failure, defer, clientGone).ConfigureAwait(false);
        }
        finally
        {
            if (invocation.HasDeferredTeardown)
            {
                DeferredTeardown.Set(context, invocation);
            }
            else
            {
                InvocationItems.Remove(context);
            }
        }

        if (final is not null && clientGone && ExceptionRules.IsClientGone(final))
        {
            // Nobody is left to answer: not a failure of the function, so no 500 and no error log.
            YieldDepsLog.ClientWentAway(events.Logger, context.FunctionDefinition.Name, context.InvocationId);
            HttpResults.ClearOutputs(context, keepHttp: false);
            // Not an error: nobody was left to answer.
            InvocationActivity.Failed(final, invocation.Outcome.Status, isError: false);
            return;
        }

        await EndAsync(context, function.IsHttp, final, invocation.Outcome).ConfigureAwait(false);
    }

    /// <summary>Maps what the invocation ends with to the trigger: a problem response for HTTP, the exception for the rest.</summary>
    private async Task EndAsync(FunctionContext context, bool isHttp, Exception? final, InvocationOutcome? outcome)
    {
        var status = outcome?.Status ?? OutcomeStatus.Faulted;
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

    private static async Task InvokeWithoutDependenciesAsync(FunctionContext context, FunctionExecutionDelegate next)
    {
        try
        {
            await next(context).ConfigureAwait(false);
        }
        catch (AggregateException e) when (ExceptionRules.Unwrap(e) is var inner && inner != e)
        {
            ExceptionDispatchInfo.Throw(inner);
        }
    }
}
