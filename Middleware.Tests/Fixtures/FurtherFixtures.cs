using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;

namespace YieldDeps.Tests.Fixtures;

public sealed class FirstMarker;

public sealed class SecondMarker;

public sealed class ThirdMarker;

/// <summary>A side-effect dependency that journals its setup and teardown, to check declaration order.</summary>
public sealed class Marker<T>(Journal journal) : IDependency<T>
    where T : new()
{
    public ValueTask<T> EnterAsync(CancellationToken cancellationToken)
    {
        journal.Add($"setup {typeof(T).Name}");
        return new(new T());
    }

    public ValueTask ExitAsync(T value, Exception? exception, CancellationToken cancellationToken)
    {
        journal.Add($"teardown {typeof(T).Name}");
        return default;
    }
}

public sealed class DeclarationOrderFunctions(Journal journal)
{
    [Depends(typeof(ThirdMarker))]
    [Depends(typeof(SecondMarker))]
    public void Declared([QueueTrigger("order")] string message) => journal.Add("body");

    /// <summary>A side-effect use that asks for its own instance, next to the shared one the parameter gets.</summary>
    [Depends(typeof(A), Fresh = true)]
    public void FreshSideEffect([QueueTrigger("order")] string message, A shared) => journal.Add("body");

    /// <summary>Sets an override while it runs: this invocation must keep the B it started with.</summary>
    public void OverridesWhileRunning([QueueTrigger("order")] string message, B b, IDependencyOverrides overrides)
    {
        overrides.Override<B>(Replacements.FakeB);
        journal.Add("body");
    }
}

public abstract class AbstractDependency : IDependency<FirstMarker>
{
    public abstract ValueTask<FirstMarker> EnterAsync(CancellationToken cancellationToken);

    public abstract ValueTask ExitAsync(FirstMarker value, Exception? exception, CancellationToken cancellationToken);
}

public sealed class HiddenConstructorDependency : IDependency<SecondMarker>
{
    private HiddenConstructorDependency()
    {
    }

    public ValueTask<SecondMarker> EnterAsync(CancellationToken cancellationToken) => new(new SecondMarker());

    public ValueTask ExitAsync(SecondMarker value, Exception? exception, CancellationToken cancellationToken) => default;
}

public static class ByRefFactory
{
    public static ThirdMarker Make(ref int counter) => new();
}

/// <summary>Dependencies that take the HTTP request, for triggers that have none.</summary>
public sealed record RequestInfo(string? Method);

public static class RequestInfos
{
    public static RequestInfo Required(HttpRequestData request) => new(request.Method);

    public static RequestInfo Optional(HttpRequestData? request) => new(request?.Method);

    public static RequestInfo AspNetCore(Microsoft.AspNetCore.Http.HttpRequest request) => new(request.Method);
}

public static class RequestInfoQueueFunctions
{
    [Function("QueueWantsRequest")]
    public static void Run([QueueTrigger("info")] string message, RequestInfo info)
    {
    }
}

public static class RequestInfoHttpFunctions
{
    [Function("HttpWantsRequest")]
    public static void Run([HttpTrigger(AuthorizationLevel.Anonymous, "get")] HttpRequestData request, RequestInfo info)
    {
    }
}
