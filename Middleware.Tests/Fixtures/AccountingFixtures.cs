using Microsoft.Azure.Functions.Worker;

namespace YieldDeps.Tests.Fixtures;

/// <summary>A type that no registration, service, converter or binding supplies.</summary>
public sealed class Unsupplied;

public interface IGreeter
{
    string Greet(string name);
}

public sealed class Greeter : IGreeter
{
    public string Greet(string name) => $"hello {name}";
}

/// <summary>Every parameter is accounted for: a binding, a service (method and constructor), the outcome, the context, a token, simple values.</summary>
public sealed class AccountedFunctions(IGreeter constructed)
{
    [Function("Accounted")]
    public string Run(
        [QueueTrigger("accounted")] string message,
        IGreeter greeter,
        InvocationOutcome outcome,
        FunctionContext context,
        CancellationToken cancellationToken,
        int dequeueCount,
        string? note = null) =>
        $"{greeter.Greet(message)} | same service: {ReferenceEquals(constructed, greeter)} | outcome: {outcome.Status} | dequeue: {dequeueCount} | note: {note ?? "-"}";
}

public static class UnsuppliedParameterFunctions
{
    [Function("UnsuppliedParameter")]
    public static void Run([QueueTrigger("unsupplied")] string message, Unsupplied unsupplied)
    {
    }
}

public sealed class UnsuppliedConstructorFunctions(Unsupplied unsupplied)
{
    public Unsupplied Unsupplied { get; } = unsupplied;

    [Function("UnsuppliedConstructor")]
    public void Run([QueueTrigger("unsupplied")] string message)
    {
    }
}

public static class HeaderOnFunctionFunctions
{
    [Function("HeaderOnFunction")]
    public static void Run([QueueTrigger("unsupplied")] string message, [Header("x-tenant")] string tenant)
    {
    }
}
