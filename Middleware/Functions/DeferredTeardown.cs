using Microsoft.Azure.Functions.Worker;
using YieldDeps.Engine;

namespace YieldDeps.Functions;

/// <summary>
/// An invocation whose request-scoped dependencies wait for the response, kept in <see cref="FunctionContext.Items"/>
/// for <see cref="RequestScopeFinisher"/>. The request's HttpContext is finished, and may be recycled, by the time the
/// finisher runs, so whether the client went away is recorded here while the request is still alive.
/// </summary>
internal sealed class DeferredTeardown : IDisposable
{
    private static readonly object Key = new();

    private readonly CancellationTokenRegistration _registration;
    private volatile bool _clientGone;

    private DeferredTeardown(DependencyInvocation invocation, CancellationToken requestAborted)
    {
        Invocation = invocation;
        _registration = requestAborted.Register(static state => ((DeferredTeardown)state!)._clientGone = true, this);
    }

    public DependencyInvocation Invocation { get; }

    /// <summary>Gets a value indicating whether the client went away before the response was written completely.</summary>
    public bool ClientGone => _clientGone;

    public static void Set(FunctionContext context, DependencyInvocation invocation) =>
        context.Items[Key] = new DeferredTeardown(invocation, AspNetCoreHttpContext.RequestAborted(context));

    /// <summary>Removes and returns the deferred teardown of <paramref name="context"/>, if there is one.</summary>
    public static DeferredTeardown? Take(FunctionContext context)
    {
        if (context.Items is { } items && items.TryGetValue(Key, out var value))
        {
            items.Remove(Key);
            return value as DeferredTeardown;
        }

        return null;
    }

    public void Dispose() => _registration.Dispose();
}
