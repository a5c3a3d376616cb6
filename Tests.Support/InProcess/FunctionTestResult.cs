using System.Runtime.ExceptionServices;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;

namespace YieldDeps.Tests.Support;

/// <summary>What one invocation left behind, read the way the gRPC layer reads it before answering the host.</summary>
public sealed class FunctionTestResult
{
    internal FunctionTestResult(
        FunctionContext context,
        Exception? exception,
        object? invocationResult,
        IReadOnlyDictionary<string, object?> outputBindings,
        HttpResponseSnapshot? httpResponse,
        HttpRequestData? httpRequest)
    {
        Context = context;
        Exception = exception;
        InvocationResult = invocationResult;
        OutputBindings = outputBindings;
        HttpResponse = httpResponse;
        HttpRequest = httpRequest;
    }

    /// <summary>
    /// The context the pipeline ran with (Items, Features, BindingContext stay readable). Its InstanceServices scope
    /// is already disposed, as in the worker; don't resolve from it afterwards.
    /// </summary>
    public FunctionContext Context { get; }

    /// <summary>What escaped the pipeline (the host would report the invocation as failed), or null.</summary>
    public Exception? Exception { get; }

    /// <summary>Gets a value indicating whether nothing escaped the pipeline (the host would report success).</summary>
    public bool Succeeded => Exception is null;

    /// <summary>The return value after the output binding step (null when it was spread over output bindings).</summary>
    public object? InvocationResult { get; }

    /// <summary>Output binding values by binding name (for example the property name of a multi-output POCO).</summary>
    public IReadOnlyDictionary<string, object?> OutputBindings { get; }

    /// <summary>The HTTP response from the return value or the "http" output binding, if any.</summary>
    public HttpResponseSnapshot? HttpResponse { get; }

    /// <summary>The request given to the worker for an HTTP trigger, if the worker read its input data.</summary>
    public HttpRequestData? HttpRequest { get; }

    /// <summary>Rethrows what escaped the pipeline, keeping its stack trace.</summary>
    /// <returns>This result, when nothing escaped.</returns>
    public FunctionTestResult EnsureSucceeded()
    {
        if (Exception is not null)
        {
            ExceptionDispatchInfo.Capture(Exception).Throw();
        }

        return this;
    }
}
