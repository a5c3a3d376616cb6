using System.Runtime.ExceptionServices;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using YieldDeps.Diagnostics;
using YieldDeps.Engine;

namespace YieldDeps.Functions;

/// <summary>
/// Explains a response that fails to be written after the function's dependencies were torn down. Under the ASP.NET
/// Core integration the result is written after the YieldDeps middleware returns; a result read lazily from a
/// function-scoped dependency (an iterator or a LINQ query over a session) is enumerated only then, finds the
/// dependency closed, and fails with an error of the dependency's own (ADO.NET's "connection is not open", say) that
/// names neither the dependency nor its scope. The middleware marks an invocation whose dependencies it tore down
/// before the response; this step, outside the whole pipeline, logs event <c>ResponseAfterTeardown</c> when the
/// response of such an invocation then fails, naming the function, those dependencies and the fix. The failure
/// itself still goes to the host (CONTRACT 8.9).
/// </summary>
internal sealed class ResponseAfterTeardown(LoggingDependencyEvents events)
{
    private static readonly object Key = new();

    /// <summary>Marks an invocation whose HTTP response is still to be written with <paramref name="tornDown"/> torn down before it (none: no mark).</summary>
    public static void Mark(FunctionContext context, TornDownBeforeResponse? tornDown)
    {
        if (tornDown is not null)
        {
            context.Items[Key] = tornDown;
        }
    }

    /// <summary>Runs the pipeline; explains its failure when the response failed after the dependencies were torn down.</summary>
    public Task InvokeAsync(FunctionContext context, FunctionExecutionDelegate next)
    {
        var pending = next(context);
        return pending.IsCompletedSuccessfully ? pending : ObserveAsync(context, pending);
    }

    /// <summary>Logs the explanation when <paramref name="failure"/> ended an invocation marked by <see cref="Mark"/>.</summary>
    public void Explain(FunctionContext context, Exception failure)
    {
        if (context.Items is not { } items || !items.TryGetValue(Key, out var value) || value is not TornDownBeforeResponse tornDown)
        {
            return;
        }

        items.Remove(Key);
        var unwrapped = ExceptionRules.Unwrap(failure);
        if (ExceptionRules.IsClientGone(unwrapped))
        {
            // Nobody was reading any more: not what a closed dependency looks like, and not an error (7.4).
            return;
        }

        YieldDepsLog.ResponseAfterTeardown(events.Logger, context.FunctionDefinition.Name, context.InvocationId, tornDown.Names, unwrapped);
    }

    private async Task ObserveAsync(FunctionContext context, Task pending)
    {
        try
        {
            await pending.ConfigureAwait(false);
        }
        catch (Exception e)
        {
            Explain(context, e);
            ExceptionDispatchInfo.Throw(e);
        }
    }
}
