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
    private readonly CancellationToken _requestAborted;
    private volatile bool _clientGone;

    private DeferredTeardown(DependencyInvocation invocation, CancellationToken requestAborted)
    {
        Invocation = invocation;
        _requestAborted = requestAborted;
        _registration = requestAborted.Register(static state => ((DeferredTeardown)state!)._clientGone = true, this);
    }

    public DependencyInvocation Invocation { get; }

    /// <summary>Gets a value indicating whether the client went away before the response was written completely.</summary>
    public bool ClientGone => _clientGone;

    /// <summary>
    /// Gets a value indicating whether the client went away, for a response that failed with <paramref name="failure"/>.
    /// Callbacks on a token run last registered first, so the response's own wait on the request's token (registered
    /// after this one) can end the invocation before <see cref="ClientGone"/> is set: a failure that says the client
    /// left is then read against the token itself, which is still this request's while its response is failing.
    /// </summary>
    public bool ClientGoneWith(Exception? failure) =>
        _clientGone || (failure is not null && ExceptionRules.IsClientGone(failure) && _requestAborted.IsCancellationRequested);

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
