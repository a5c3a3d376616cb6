using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;

namespace YieldDeps.Tests.Fixtures;

/// <summary>Rows read from a session only when the response is written, as a lazily enumerated query would be.</summary>
public sealed class LazyRows(StreamSession session)
{
    public Task WriteAsync() => session.Open
        ? Task.CompletedTask
        : throw new InvalidOperationException("The session is not open.");
}

/// <summary>A function that returns rows read lazily from a function-scoped session: closed before they are written.</summary>
public static class LazyRowFunctions
{
    public static LazyRows Export([HttpTrigger(AuthorizationLevel.Anonymous, "get")] HttpRequestData request, StreamSession session) => new(session);
}
