namespace YieldDeps.Engine;

/// <summary>
/// The request-scoped dependencies of a successful invocation, kept open past the function so that its response can
/// stream from them. The teardown stack hands it to the host adapter, which finishes it once the response was
/// written or has failed; until then the invocation's values stay reachable.
/// </summary>
internal sealed class PendingRequestScope(TeardownStack stack)
{
    /// <summary>Gets the outcome the kept dependencies will see.</summary>
    public InvocationOutcome Outcome => stack.Invocation.Outcome;

    /// <summary>
    /// Tears the kept dependencies down and returns the exception the request ends with (null when it succeeded).
    /// </summary>
    /// <param name="failure">What writing the response threw, already unwrapped; null when it completed.</param>
    /// <param name="cancelled">The client went away or the invocation was cancelled while the response was written.</param>
    public ValueTask<Exception?> FinishAsync(Exception? failure, bool cancelled) => stack.FinishRequestScopeAsync(failure, cancelled);
}
