namespace YieldDeps.Engine;

/// <summary>
/// The rules that decide how an invocation ends: its <see cref="InvocationOutcome.Status"/> and the exception in
/// flight. The only code that sets them; the teardown stack and the host adapter ask here.
/// </summary>
internal static class StatusRules
{
    /// <summary>
    /// Decides how the body ended, before any teardown: cancelled when the caller went away or the host cancelled the
    /// invocation (a cancellation exception stands in for a missing failure), faulted on a failure, else succeeded.
    /// </summary>
    /// <param name="failure">What setup or the body threw; replaced by the stand-in when cancelled without one.</param>
    /// <param name="cancelled">The caller went away, beyond the invocation's own token.</param>
    /// <param name="token">The invocation's token.</param>
    public static OutcomeStatus AtEndOfBody(ref Exception? failure, bool cancelled, CancellationToken token)
    {
        if (cancelled || token.IsCancellationRequested)
        {
            // The host has given up on this invocation (timeout or shutdown) and will report it failed, maybe retry
            // it: committing now could apply the work twice.
            failure ??= new OperationCanceledException("The invocation was cancelled before its dependencies were finished.", token);
            return OutcomeStatus.Cancelled;
        }

        return failure is null ? OutcomeStatus.Succeeded : OutcomeStatus.Faulted;
    }

    /// <summary>
    /// Settles the outcome when the body ended (<see cref="AtEndOfBody"/>), then lets the app-wide rule count a
    /// successful result as a failure; returns the exception in flight.
    /// </summary>
    public static Exception? EndBody(InvocationOutcome outcome, Exception? failure, bool cancelled, CancellationToken token, Func<InvocationOutcome, bool>? failWhen)
    {
        outcome.Status = AtEndOfBody(ref failure, cancelled, token);
        if (outcome.Status == OutcomeStatus.Succeeded)
        {
            failure = CountsAsFailure(failWhen, outcome);
            if (failure is not null)
            {
                outcome.Status = OutcomeStatus.Faulted;
            }
        }

        outcome.Exception = failure;
        return failure;
    }

    /// <summary>Settles the outcome when the response of a request scope was written or failed; returns the exception in flight.</summary>
    public static Exception? EndResponse(InvocationOutcome outcome, Exception? failure, bool cancelled)
    {
        if (cancelled)
        {
            failure ??= new OperationCanceledException("The client went away before the response was written completely.");
            outcome.Status = OutcomeStatus.Cancelled;
            outcome.Exception = failure;
        }
        else if (failure is not null)
        {
            outcome.Status = OutcomeStatus.Faulted;
            outcome.Exception = failure;
        }

        return failure;
    }

    /// <summary>
    /// The host gave up on the invocation while its dependencies were being finished: those not finished yet roll
    /// back rather than commit work the host will report as failed (and may retry). Null when it did not.
    /// </summary>
    public static Exception? CancelledDuringTeardown(InvocationOutcome outcome, CancellationToken token)
    {
        if (!token.IsCancellationRequested)
        {
            return null;
        }

        var cancelled = new OperationCanceledException("The invocation was cancelled while its dependencies were being finished.", token);
        outcome.Status = OutcomeStatus.Cancelled;
        outcome.Exception = cancelled;
        return cancelled;
    }

    /// <summary>A teardown made <paramref name="error"/> what the invocation ends with.</summary>
    public static Exception Fail(InvocationOutcome outcome, Exception error, bool cancelled)
    {
        outcome.Status = cancelled ? OutcomeStatus.Cancelled : OutcomeStatus.Faulted;
        outcome.Exception = error;
        return error;
    }

    /// <summary>
    /// Applies a rule that may count the produced result as a failure: returns the stand-in exception when it does,
    /// the rule's own exception when it throws (a broken rule must not skip any teardown), null otherwise.
    /// </summary>
    public static Exception? CountsAsFailure(Func<InvocationOutcome, bool>? rule, InvocationOutcome outcome)
    {
        try
        {
            return rule?.Invoke(outcome) == true ? new ResultCountedAsFailureException(outcome.HttpStatus) : null;
        }
        catch (Exception e)
        {
            return e;
        }
    }

    /// <summary>One dependency alone counts the result as a failure: it sees the outcome as if the function had thrown.</summary>
    public static void EnterOwnRule(InvocationOutcome outcome, Exception counted)
    {
        outcome.Status = OutcomeStatus.Faulted;
        outcome.Exception = counted;
    }

    /// <summary>After that dependency's teardown the others see the success again, unless something else failed meanwhile.</summary>
    public static void LeaveOwnRule(InvocationOutcome outcome)
    {
        if (outcome.Exception is ResultCountedAsFailureException)
        {
            outcome.Status = OutcomeStatus.Succeeded;
            outcome.Exception = null;
        }
    }
}
