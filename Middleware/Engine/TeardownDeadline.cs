namespace YieldDeps.Engine;

/// <summary>
/// The time budget of each teardown step and the token that goes with it. The invocation's cancellation never
/// fires this token; only a step that overruns its budget does, and that step then counts as failed.
/// </summary>
internal sealed class TeardownDeadline(TimeSpan budget) : IDisposable
{
    private CancellationTokenSource? _source;

    /// <summary>Starts the budget of the next step and returns its token.</summary>
    public CancellationToken Start()
    {
        if (budget == Timeout.InfiniteTimeSpan)
        {
            return CancellationToken.None;
        }

        if (_source is null || !_source.TryReset())
        {
            // A source that already fired cannot be reused; the next step gets a fresh budget.
            _source?.Dispose();
            _source = new CancellationTokenSource();
        }

        _source.CancelAfter(budget);
        return _source.Token;
    }

    /// <summary>Awaits a teardown step, giving up with a <see cref="TimeoutException"/> when its budget runs out.</summary>
    public async ValueTask WaitAsync(ValueTask step, string dependencyName)
    {
        if (step.IsCompleted || budget == Timeout.InfiniteTimeSpan)
        {
            await step.ConfigureAwait(false);
            return;
        }

        try
        {
            await step.AsTask().WaitAsync(budget).ConfigureAwait(false);
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"Teardown of dependency '{dependencyName}' did not finish within {budget}.", e);
        }
    }

    public void Dispose() => _source?.Dispose();
}
