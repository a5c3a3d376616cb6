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
    private volatile bool _clientGone;

    /// <summary>Gets the outcome the kept dependencies will see.</summary>
    public InvocationOutcome Outcome => stack.Invocation.Outcome;

    /// <summary>Gets a value indicating whether the client went away before the response was written completely.</summary>
    public bool ClientGone => _clientGone;

    /// <summary>Watches the request for a client that goes away while the response is written.</summary>
    public void Watch(CancellationToken requestAborted) =>
        _registration = requestAborted.Register(static state => ((PendingRequestScope)state!)._clientGone = true, this);

    /// <summary>
    /// Tears the kept dependencies down and returns the exception the request ends with (null when it succeeded).
    /// </summary>
    /// <param name="failure">What writing the response threw, already unwrapped; null when it completed.</param>
    /// <param name="cancelled">The client went away or the invocation was cancelled while the response was written.</param>
    public ValueTask<Exception?> FinishAsync(Exception? failure, bool cancelled) => stack.FinishRequestScopeAsync(failure, cancelled);

    public void Dispose() => _registration.Dispose();
}
