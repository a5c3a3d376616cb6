namespace YieldDeps.Testing;

/// <summary>
/// How a function invoked with <see cref="FunctionsApplicationFactory{TEntryPoint}.InvokeAsync"/> ended, as the
/// Functions host saw it over the host protocol.
/// </summary>
public sealed class FunctionInvocationResult
{
    internal FunctionInvocationResult(
        string functionName,
        bool succeeded,
        string status,
        string? error,
        int attempts,
        string? poisonQueue,
        string? returnValue,
        IReadOnlyDictionary<string, string?> outputs)
    {
        FunctionName = functionName;
        Succeeded = succeeded;
        Status = status;
        Error = error;
        Attempts = attempts;
        PoisonQueue = poisonQueue;
        ReturnValue = returnValue;
        Outputs = outputs;
    }

    /// <summary>The function's name.</summary>
    public string FunctionName { get; }

    /// <summary>Whether the last attempt succeeded.</summary>
    public bool Succeeded { get; }

    /// <summary>How the last attempt ended: Succeeded, Failed, Cancelled, TimedOut, or WorkerUnavailable.</summary>
    public string Status { get; }

    /// <summary>The failure's message as the worker reported it, when the last attempt did not succeed.</summary>
    public string? Error { get; }

    /// <summary>How many times the function ran: for a queue message up to <c>maxDequeueCount</c> of host.json, otherwise 1.</summary>
    public int Attempts { get; }

    /// <summary>The poison queue the message was moved to after its last failed attempt, or null.</summary>
    public string? PoisonQueue { get; }

    /// <summary>The function's return value as text (a string, or the JSON the worker sent), when it returned one.</summary>
    public string? ReturnValue { get; }

    /// <summary>The output bindings the function set, by binding name, as text.</summary>
    public IReadOnlyDictionary<string, string?> Outputs { get; }
}
