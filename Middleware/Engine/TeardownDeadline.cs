namespace YieldDeps.Engine;

/// <summary>
/// The time budget of each teardown step and the token that goes with it. The invocation's cancellation never
/// fires this token; only a step that overruns its budget does, and that step then counts as failed. The token
/// source is created only when someone asks for the token, and its timer is armed only while a step is actually
/// waiting, so a teardown that completes synchronously pays for neither. A teardown that blocks without awaiting
/// cannot be bounded: the budget applies from its first await. Time is read from the app's <see cref="TimeProvider"/>.
/// </summary>
internal sealed class TeardownDeadline(TeardownBudget budget) : IDisposable
{
    private CancellationTokenSource? _source;

    /// <summary>Gets how many steps were abandoned at their deadline so far.</summary>
    public int Overruns { get; private set; }

    /// <summary>Gets the token of the current step.</summary>
    public CancellationToken Token
    {
        get
        {
            if (budget.PerStep == Timeout.InfiniteTimeSpan)
            {
                return CancellationToken.None;
            }

            return Source().Token;
        }
    }

    /// <summary>Awaits a teardown step, giving up with a <see cref="TimeoutException"/> when its budget runs out.</summary>
    public async ValueTask WaitAsync(ValueTask step, string dependencyName)
    {
        if (step.IsCompleted || budget.PerStep == Timeout.InfiniteTimeSpan)
        {
            await step.ConfigureAwait(false);
            return;
        }

        // The step is waiting: arm the token now, creating it if the step has not asked for it yet, so that a step
        // reading it after its first await still sees the deadline.
        var source = Source();
        source.CancelAfter(budget.PerStep);
        try
        {
            await step.AsTask().WaitAsync(budget.PerStep, budget.Time).ConfigureAwait(false);
        }
        catch (TimeoutException e)
        {
            // The step is abandoned: make sure its token fires even if the wait's timer won the race, and never hand
            // that token to the next step.
            source.Cancel();
            _source = null;
            Overruns++;
            throw new TimeoutException($"Teardown of dependency '{dependencyName}' did not finish within {budget.PerStep}.", e);
        }

        EndStep();
    }

    public void Dispose() => _source?.Dispose();

    // The step may read its token on another thread while this one arms the deadline (a teardown that resumes after
    // its first await runs concurrently with WaitAsync): both must get the same source, or the step would hold a token
    // that never fires.
    private CancellationTokenSource Source()
    {
        var source = Volatile.Read(ref _source);
        if (source is not null)
        {
            return source;
        }

        // A source given a TimeProvider creates its timer at once; one on the system clock only when armed, which a
        // teardown that completes without waiting never is.
        var created = budget.Time == TimeProvider.System
            ? new CancellationTokenSource()
            : new CancellationTokenSource(Timeout.InfiniteTimeSpan, budget.Time);
        source = Interlocked.CompareExchange(ref _source, created, null);
        if (source is null)
        {
            return created;
        }

        created.Dispose();
        return source;
    }

    // The next step gets a fresh budget: disarm a source that did not fire; drop one that did (its step may still
    // hold its token).
    private void EndStep()
    {
        if (_source is not null && !_source.TryReset())
        {
            _source = null;
        }
    }
}
