namespace YieldDeps.Testing;

/// <summary>
/// Creates an <see cref="InvocationOutcome"/> for a test that drives a dependency's iterator by hand
/// (<c>GetAsyncEnumerator</c>, <c>MoveNextAsync</c>, then <c>MoveNextAsync</c> again to commit or <c>DisposeAsync</c>
/// to roll back), so the dependency's <c>finally</c> reads what the test chose.
/// </summary>
public static class TestOutcomes
{
    /// <summary>Creates an outcome that has not ended yet, as a dependency sees it during setup and the function body.</summary>
    /// <returns>A pending outcome.</returns>
    public static InvocationOutcome Pending() => new();

    /// <summary>Creates the outcome of a function that returned.</summary>
    /// <param name="httpStatus">The HTTP status it produced, if any.</param>
    /// <returns>A succeeded outcome.</returns>
    public static InvocationOutcome Succeeded(int? httpStatus = null) => new() { Status = OutcomeStatus.Succeeded, HttpStatus = httpStatus };

    /// <summary>Creates the outcome of a function that threw <paramref name="exception"/>.</summary>
    /// <param name="exception">The exception in flight.</param>
    /// <param name="httpStatus">The HTTP status, if one was produced.</param>
    /// <returns>A faulted outcome.</returns>
    public static InvocationOutcome Faulted(Exception exception, int? httpStatus = null)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return new() { Status = OutcomeStatus.Faulted, Exception = exception, HttpStatus = httpStatus };
    }

    /// <summary>Creates the outcome of an invocation the host cancelled.</summary>
    /// <param name="exception">The cancellation in flight; an <see cref="OperationCanceledException"/> when omitted.</param>
    /// <returns>A cancelled outcome.</returns>
    public static InvocationOutcome Cancelled(Exception? exception = null) =>
        new() { Status = OutcomeStatus.Cancelled, Exception = exception ?? new OperationCanceledException("The invocation was cancelled.") };
}
