using YieldDeps.Generated;

namespace YieldDeps.Engine;

/// <summary>
/// The entered dependencies of one invocation, last entered on top, and their teardown: pops them in reverse order
/// with the failure rules of the contract (resume on success, dispose on failure, every teardown runs, the root
/// cause stays primary unless deliberately replaced, no error lost), keeps request-scoped ones of a successful
/// invocation for the response as a <see cref="PendingRequestScope"/>, and asks <see cref="StatusRules"/> how the
/// invocation ends. Each dependency's own teardown is a <see cref="TeardownStep"/>.
/// <para>
/// Its one kind is <see cref="DependencyInvocation"/>: a base class rather than an object of its own, so that an
/// invocation allocates one object for its values and their teardown.
/// </para>
/// </summary>
internal abstract class TeardownStack
{
    private readonly InvocationSlot[] _slots;
    private int _enteredCount;
    private int _liveSlots;

    // What only some invocations need (request-scoped slots kept for the response among them), created on first use:
    // one field for all of it keeps the common invocation's object small.
    private InvocationExtras? _extras;

    protected TeardownStack(int slots)
    {
        _slots = slots == 0 ? [] : new InvocationSlot[slots];
    }

    /// <summary>Gets the state only some invocations need, creating it.</summary>
    protected InvocationExtras Extras => _extras ??= new InvocationExtras();

    /// <summary>Gets the state only some invocations need; null when none was needed yet.</summary>
    protected InvocationExtras? ExtrasIfCreated => _extras;

    /// <summary>Gets the invocation this stack belongs to (itself).</summary>
    public DependencyInvocation Invocation => System.Runtime.CompilerServices.Unsafe.As<DependencyInvocation>(this);

    /// <summary>Gets a value indicating whether the invocation counts as cancelled for a failure that happens now.</summary>
    public bool Cancelled { get; private set; }

    /// <summary>Gets the request-scoped dependencies kept for the response by <see cref="TeardownAsync"/>; null when none is.</summary>
    public PendingRequestScope? Pending => Deferred?.Pending;

    /// <summary>Gets the slot of an entered dependency (its value, and the state its exit needs).</summary>
    public ref InvocationSlot this[int slot] => ref _slots[slot];

    /// <summary>Records a dependency that was set up: it is now on top.</summary>
    public void Push(PlanNode node, EnteredDependency entered)
    {
        _slots[node.Slot] = new InvocationSlot { Value = entered.Value, State = entered.State };
        _liveSlots = node.Slot + 1;
        _enteredCount = node.Slot + 1;
        if (Invocation.ReportsSteps)
        {
            Invocation.Events.Entered(Invocation.Plan.FunctionName, node.Descriptor);
        }
    }

    /// <summary>Gets a value indicating whether the dependency at <paramref name="slot"/> is set up and not yet torn down.</summary>
    public bool IsLive(int slot) => slot < _liveSlots && Deferred?.TornDown?[slot] != true;

    /// <summary>
    /// Tears down every entered dependency, last entered first, and returns the exception the invocation ends with
    /// (null on success).
    /// </summary>
    /// <param name="failure">What the setup or the function threw, already unwrapped; null when it succeeded.</param>
    /// <param name="deferRequestScoped">
    /// Keep request-scoped dependencies open for <see cref="Pending"/> when the invocation succeeded (the response is
    /// about to be written); a failure tears them down here as well, before the error response.
    /// </param>
    /// <param name="cancelled">The caller went away (a client that disconnected), beyond the invocation's own token.</param>
    public ValueTask<Exception?> TeardownAsync(Exception? failure, bool deferRequestScoped = false, bool cancelled = false)
    {
        var invocation = Invocation;
        var outcome = invocation.Outcome;
        var token = invocation.CancellationToken;
        Cancelled = cancelled || token.IsCancellationRequested;
        var inFlight = StatusRules.EndBody(outcome, failure, cancelled, token, invocation.Plan.Catalog.FailWhen);
        if (_enteredCount == 0)
        {
            invocation.Telemetry?.InvocationEnded(invocation.Plan.FunctionName, outcome.Status);
            return new(inFlight);
        }

        outcome.BeginTeardown(invocation.Plan.Catalog.Teardown);
        var slot = _enteredCount - 1;
        try
        {
            // Steps that complete without waiting are finished here, with no state machine; the first one that waits
            // hands the rest of the teardown over to ContinueTeardownAsync.
            for (; slot >= 0; slot--)
            {
                if (!TakeForTeardown(slot, deferRequestScoped, inFlight))
                {
                    continue;
                }

                inFlight ??= CancelledDuringTeardown();
                var step = TeardownStep.RunAsync(this, slot, inFlight);
                if (!step.IsCompletedSuccessfully)
                {
                    return ContinueTeardownAsync(step, slot, deferRequestScoped);
                }

                inFlight = step.Result;
                MarkTornDown(slot);
            }

            if (inFlight is not null && DeferredCount > 0)
            {
                return FinishWithDeferredAsync(inFlight);
            }
        }
        catch (Exception e)
        {
            EndTeardown();
            return ValueTask.FromException<Exception?>(e);
        }

        EndTeardown();
        Ended();
        return new(inFlight);
    }

    /// <summary>
    /// Tears down the request-scoped dependencies kept by <see cref="TeardownAsync"/>, once the response has been
    /// written (or has failed), and returns the exception the request ends with (null when it succeeded).
    /// </summary>
    public async ValueTask<Exception?> FinishRequestScopeAsync(Exception? failure, bool cancelled)
    {
        if (Deferred is { } kept)
        {
            kept.Pending = null;
        }

        if (DeferredCount == 0)
        {
            return failure;
        }

        var invocation = Invocation;
        var outcome = invocation.Outcome;
        Cancelled = cancelled;
        var inFlight = StatusRules.EndResponse(outcome, failure, cancelled);
        outcome.BeginTeardown(invocation.Plan.Catalog.Teardown);
        try
        {
            return await TeardownDeferredAsync(inFlight).ConfigureAwait(false);
        }
        finally
        {
            _liveSlots = 0;
            outcome.EndTeardown();
            invocation.Telemetry?.InvocationEnded(invocation.Plan.FunctionName, outcome.Status);
        }
    }

    /// <summary>A teardown step made <paramref name="error"/> what the invocation ends with; the outer dependencies see it and roll back.</summary>
    public Exception Fail(Exception error) =>
        StatusRules.Fail(Invocation.Outcome, error, Cancelled || Invocation.CancellationToken.IsCancellationRequested);

    /// <summary>Counts the invocation once all its dependencies are finished (none kept for the response).</summary>
    private void Ended()
    {
        if (DeferredCount == 0)
        {
            Invocation.Telemetry?.InvocationEnded(Invocation.Plan.FunctionName, Invocation.Outcome.Status);
        }
    }

    private Exception? CancelledDuringTeardown()
    {
        var cancelled = StatusRules.CancelledDuringTeardown(Invocation.Outcome, Invocation.CancellationToken);
        if (cancelled is not null)
        {
            Cancelled = true;
        }

        return cancelled;
    }

    /// <summary>
    /// Whether the entered dependency at <paramref name="slot"/> is torn down now: it has a teardown, and is not
    /// request-scoped on a successful invocation that keeps those for the response (it is then deferred).
    /// </summary>
    private bool TakeForTeardown(int slot, bool deferRequestScoped, Exception? inFlight)
    {
        var node = Invocation.Plan.Nodes[slot];
        if (!node.HasTeardown)
        {
            return false;
        }

        if (deferRequestScoped && inFlight is null && node.Descriptor.Scope == DependencyScope.Request)
        {
            // Kept open until the response is written; entries below it stay in setup order. Collected last-entered
            // first; TeardownDeferredAsync walks them in that order.
            (Extras.Deferred ??= new DeferredSlots(_slots.Length)).Add(slot);
            return false;
        }

        return true;
    }

    private async ValueTask<Exception?> ContinueTeardownAsync(ValueTask<Exception?> pending, int slot, bool deferRequestScoped)
    {
        Exception? inFlight;
        try
        {
            inFlight = await pending.ConfigureAwait(false);
            MarkTornDown(slot);
            for (slot--; slot >= 0; slot--)
            {
                if (!TakeForTeardown(slot, deferRequestScoped, inFlight))
                {
                    continue;
                }

                inFlight ??= CancelledDuringTeardown();
                inFlight = await TeardownStep.RunAsync(this, slot, inFlight).ConfigureAwait(false);
                MarkTornDown(slot);
            }

            if (inFlight is not null && DeferredCount > 0)
            {
                // A function-scoped teardown failed after a request-scoped one was kept: the response will be an
                // error, so nothing streams, and the kept ones see the failure now.
                inFlight = await TeardownDeferredAsync(inFlight).ConfigureAwait(false);
            }
        }
        finally
        {
            EndTeardown();
        }

        Ended();
        return inFlight;
    }

    private async ValueTask<Exception?> FinishWithDeferredAsync(Exception? inFlight)
    {
        try
        {
            // A function-scoped teardown failed after a request-scoped one was kept: the response will be an error,
            // so nothing streams, and the kept ones see the failure now.
            inFlight = await TeardownDeferredAsync(inFlight).ConfigureAwait(false);
        }
        finally
        {
            EndTeardown();
        }

        Ended();
        return inFlight;
    }

    private void EndTeardown()
    {
        _enteredCount = 0;
        if (DeferredCount == 0)
        {
            _liveSlots = 0;
        }
        else
        {
            Deferred!.Pending ??= new PendingRequestScope(this);
        }

        Invocation.Outcome.EndTeardown();
    }

    private async ValueTask<Exception?> TeardownDeferredAsync(Exception? inFlight)
    {
        var deferred = Deferred!;
        for (var i = 0; i < deferred.Count; i++)
        {
            var slot = deferred[i];
            inFlight = await TeardownStep.RunAsync(this, slot, inFlight).ConfigureAwait(false);
            MarkTornDown(slot);
        }

        deferred.Clear();
        return inFlight;
    }

    private DeferredSlots? Deferred => _extras?.Deferred;

    private int DeferredCount => Deferred?.Count ?? 0;

    private void MarkTornDown(int slot)
    {
        if (DeferredCount == 0)
        {
            _liveSlots = Math.Min(_liveSlots, slot);
            return;
        }

        // Request-scoped dependencies stay alive past function-scoped ones entered after them.
        Deferred!.MarkTornDown(slot);
    }
}
