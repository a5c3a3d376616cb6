using Microsoft.Azure.Functions.Worker;

namespace YieldDeps.Tests.HarnessTests;

/// <summary>Queue-triggered functions run by the harness tests; the class is created per invocation by the activator.</summary>
public sealed class QueueFunctions(Recorder recorder, ScopedDependency scoped)
{
    [Function("ProcessOrder")]
    public string Process(
        [QueueTrigger("orders")] string message,
        Widget widget,
        FunctionContext context,
        CancellationToken cancellationToken)
    {
        recorder.Add("function");
        recorder.Values["function.message"] = message;
        recorder.Values["function.widget"] = widget;
        recorder.Values["function.scoped"] = scoped;
        recorder.Values["function.context"] = context;
        recorder.Values["function.token"] = cancellationToken;
        return $"processed {message}";
    }

    [Function("FailOrder")]
    public async Task FailAsync([QueueTrigger("orders")] string message)
    {
        await Task.Yield();
        throw new InvalidOperationException($"cannot process {message}");
    }

    [Function("WaitForCancel")]
    public async Task<string> WaitAsync([QueueTrigger("orders")] string message, CancellationToken cancellationToken)
    {
        recorder.Values["function.token"] = cancellationToken;
        await Task.Delay(Timeout.Infinite, cancellationToken);
        return message;
    }

    /// <summary>No trigger attribute: the test declares the trigger.</summary>
    public static string Untyped(string payload, FunctionContext context) =>
        $"{payload}:{context.BindingContext.BindingData["Source"]}";
}
