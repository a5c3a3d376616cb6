using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.DependencyInjection;

namespace YieldDeps.Tests.HarnessTests;

/// <summary>Middleware that records what it sees before and after the rest of the pipeline.</summary>
public sealed class RecordingMiddleware(Recorder recorder) : IFunctionsWorkerMiddleware
{
    public const string WidgetItemKey = "widget";

    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        recorder.Add("middleware:before");
        context.Items[WidgetItemKey] = new Widget("prepared by middleware");
        recorder.Values["middleware.scoped"] = context.InstanceServices.GetRequiredService<ScopedDependency>();
        recorder.Values["middleware.request"] = await context.GetHttpRequestDataAsync();

        try
        {
            await next(context);
            recorder.Values["middleware.result"] = context.GetInvocationResult().Value;
            recorder.Values["middleware.response"] = context.GetHttpResponseData();
        }
        catch (Exception ex)
        {
            recorder.Values["middleware.exception"] = ex;
            throw;
        }
        finally
        {
            recorder.Add("middleware:after");
        }
    }
}
