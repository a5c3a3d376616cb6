using Microsoft.Azure.Functions.Worker;

namespace YieldDeps.Tests.Fixtures;

public sealed class Session
{
    private static int _next;

    public int Number { get; } = Interlocked.Increment(ref _next);
}

public sealed class Repository(Session session)
{
    public Session Session { get; } = session;
}

public static class CacheDependencies
{
    public static async IAsyncEnumerable<Session> Open(Journal journal)
    {
        await Task.Yield();
        var session = new Session();
        journal.Add($"open {session.Number}");
        try
        {
            yield return session;
        }
        finally
        {
            journal.Add($"close {session.Number}");
        }
    }

    public static Repository Repository(Session session) => new(session);
}

/// <summary>Asks for the session three ways: constructor, parameter, and through a dependant.</summary>
public sealed class CacheFunctions(Session fromConstructor, Journal journal)
{
    public void Shared([QueueTrigger("cache")] string message, Session fromParameter, Repository repository) =>
        journal.Add($"ctor={fromConstructor.Number} param={fromParameter.Number} sub={repository.Session.Number}");

    public void Fresh([QueueTrigger("cache")] string message, Session fromParameter, [Fresh] Session fresh) =>
        journal.Add($"ctor={fromConstructor.Number} param={fromParameter.Number} fresh={fresh.Number}");

    public void FromContext([QueueTrigger("cache")] string message, Session fromParameter, FunctionContext context) =>
        journal.Add($"param={fromParameter.Number} context={context.GetDependency<Session>().Number} repository={context.TryGetDependency<Repository>(out _)}");

    public void LooksUp([QueueTrigger("cache")] string message, Session fromParameter, FunctionContext context)
    {
        try
        {
            journal.Add($"found {context.GetDependency<Session>().Number}");
        }
        catch (InvalidOperationException e)
        {
            journal.Add(e.Message);
        }
    }
}
