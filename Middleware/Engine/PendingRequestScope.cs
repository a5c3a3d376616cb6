namespace YieldDeps.Engine;

/// <summary>
/// The request-scoped dependencies of a successful invocation, kept open past the function so that its response can
/// stream from them. The teardown stack hands it to the host adapter, which finishes it once the response was
/// written or has failed; until then the invocation's values stay reachable. The request that carries the response
/// may be finished, and recycled, by then, so whether its client went away is recorded here while it is alive.
/// </summary>
internal sealed class PendingRequestScope(TeardownStack stack) : IDisposable
{
    private CancellationTokenRegistration _registration;
    private CancellationToken _requestAborted;
    private volatile bool _clientGone;

    /// <summary>Gets the outcome the kept dependencies will see.</summary>
    public InvocationOutcome Outcome => stack.Invocation.Outcome;

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

    /// <summary>Watches the request for a client that goes away while the response is written.</summary>
    public void Watch(CancellationToken requestAborted)
    {
        _requestAborted = requestAborted;
        _registration = requestAborted.Register(static state => ((PendingRequestScope)state!)._clientGone = true, this);
    }

    /// <summary>
    /// Tears the kept dependencies down and returns the exception the request ends with (null when it succeeded).
    /// </summary>
    /// <param name="failure">What writing the response threw, already unwrapped; null when it completed.</param>
    /// <param name="cancelled">The client went away or the invocation was cancelled while the response was written.</param>
    public ValueTask<Exception?> FinishAsync(Exception? failure, bool cancelled) => stack.FinishRequestScopeAsync(failure, cancelled);

    public void Dispose() => _registration.Dispose();
}
