using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;

namespace YieldDeps.Tests.Fixtures;

public sealed class Unregistered;

public sealed class Ping;

public sealed class Pong;

public sealed class NeedsUnregistered;

public sealed class NeedsOpaque;

/// <summary>A type that is neither registered, a service, nor a simple value.</summary>
public sealed class Opaque;

public static class InvalidDependencies
{
    public static Ping MakePing(Pong pong) => new();

    public static Pong MakePong(Ping ping) => new();

    public static NeedsOpaque NeedOpaque(Opaque opaque) => new();
}

public sealed class ValidationFunctions
{
    [Depends(typeof(Unregistered))]
    public void DeclaresUnregistered([QueueTrigger("v")] string message)
    {
    }

    [Depends(typeof(Unregistered))]
    public HttpResponseData HttpDeclaresUnregistered([HttpTrigger(AuthorizationLevel.Anonymous, "get")] HttpRequestData request) =>
        request.CreateResponse(System.Net.HttpStatusCode.OK);
}
