using System.Runtime.ExceptionServices;
using Microsoft.Azure.Functions.Worker;

namespace YieldDeps.Tests.Harness;

/// <summary>What one invocation left behind, read the way the gRPC layer reads it before answering the host.</summary>
internal sealed class HarnessResult(
    FunctionContext context,
    Exception? exception,
    object? invocationResult,
    IReadOnlyDictionary<string, object?> outputBindings,
    HttpResponseSnapshot? httpResponse,
    TestHttpRequestData? httpRequest)
{
    /// <summary>
    /// The context the pipeline ran with (Items, Features, BindingContext stay readable). Its InstanceServices scope
    /// is already disposed, as in the worker; don't resolve from it afterwards.
    /// </summary>
    public FunctionContext Context { get; } = context;

    /// <summary>What escaped the pipeline (the host would report the invocation as failed), or null.</summary>
    public Exception? Exception { get; } = exception;

    public bool Succeeded => Exception is null;

    /// <summary>The return value after the output binding step (null when it was spread over output bindings).</summary>
    public object? InvocationResult { get; } = invocationResult;

    /// <summary>Output binding values by binding name (for example the property name of a multi-output POCO).</summary>
    public IReadOnlyDictionary<string, object?> OutputBindings { get; } = outputBindings;

    /// <summary>The HTTP response from the return value or the "http" output binding, if any.</summary>
    public HttpResponseSnapshot? HttpResponse { get; } = httpResponse;

    /// <summary>The request given to the worker for an HTTP trigger, if the worker read its input data.</summary>
    public TestHttpRequestData? HttpRequest { get; } = httpRequest;

    /// <summary>Rethrows what escaped the pipeline, keeping its stack trace.</summary>
    public HarnessResult EnsureSucceeded()
    {
        if (Exception is not null)
        {
            ExceptionDispatchInfo.Capture(Exception).Throw();
        }

        return this;
    }
}
