using System.Runtime.ExceptionServices;
using Microsoft.Extensions.DependencyInjection;

namespace YieldDeps.Engine;

/// <summary>
/// One invocation's dependencies: sets them up along the plan, hands out their values, and tears the entered ones
/// down in reverse order with the failure rules of the contract (resume on success, dispose on failure, every
/// teardown runs, the root cause stays primary unless deliberately replaced, no error lost).
/// </summary>
internal sealed class DependencyInvocation
{
    private readonly object _host;
    private readonly IDependencyEvents _events;
    [ThreadStatic]
    private static object?[]?[]? t_argumentBuffers;

    private readonly InvocationSlot[] _slots;
    private int _enteredCount;
    private int _liveSlots;
    private InvocationExtras? _extras;
    private bool _cancelled;

    // Asked once: with nobody listening, the invocation makes no other telemetry call (a flag rather than a reference,
    // which keeps the per-invocation object a word smaller).
    private readonly bool _observed;

    // Whether the detailed step events are wanted, asked once per invocation.
    private readonly bool _reportsSteps;
    private CancellationToken _cancellationToken;

    public DependencyInvocation(InvocationPlan plan, object host, IDependencyEvents events)
    {
        Plan = plan;
        _host = host;
        _events = events;
        _observed = plan.Catalog.Telemetry is { IsObserved: true };
        _reportsSteps = events.ReportsSteps;
        _slots = plan.Nodes.Length == 0 ? [] : new InvocationSlot[plan.Nodes.Length];
    }

    public InvocationPlan Plan { get; }

    public InvocationOutcome Outcome { get; } = new();

    /// <summary>Sets up every planned dependency in order. On failure the entered ones stay recorded for <see cref="TeardownAsync"/>.</summary>
    public ValueTask SetupAsync(CancellationToken cancellationToken)
    {
        _cancellationToken = cancellationToken;
        if (_observed)
        {
            // Every step is timed and traced: the general path.
            return SetupFromAsync(0);
        }

        var nodes = Plan.Nodes;
        for (var index = 0; index < nodes.Length; index++)
        {
            var node = nodes[index];
            if (!node.ResolvesSynchronously)
            {
                return SetupFromAsync(index);
            }

            // Arguments that are at hand and an entry that completes without waiting: no state machine.
            ValueTask<EnteredDependency> entering;
            try
            {
                cancellationToken.ThrowIfCancellationRequested();
                entering = node.Descriptor.Strategy.EnterAsync(node.Descriptor, CreateSynchronously(node), cancellationToken);
                if (entering.IsCompletedSuccessfully)
                {
                    Entered(node, entering.Result);
                    continue;
                }
            }
            catch (Exception e)
            {
                return ValueTask.FromException(e);
            }

            return FinishSetupAsync(entering, index);
        }

        return default;
    }

    private async ValueTask FinishSetupAsync(ValueTask<EnteredDependency> entering, int index)
    {
        Entered(Plan.Nodes[index], await entering.ConfigureAwait(false));
        await SetupFromAsync(index + 1).ConfigureAwait(false);
    }

    private async ValueTask SetupFromAsync(int start)
    {
        var cancellationToken = _cancellationToken;
        var nodes = Plan.Nodes;
        for (var index = start; index < nodes.Length; index++)
        {
            var node = nodes[index];
            cancellationToken.ThrowIfCancellationRequested();
            var descriptor = node.Descriptor;
            var telemetry = Telemetry;
            var step = telemetry is null ? default : telemetry.StartSetup(Plan.FunctionName, descriptor);
            EnteredDependency entered;
            try
            {
                object? created;
                if (node.Arguments.Length == 0)
                {
                    created = descriptor.Create([]);
                }
                else
                {
                    // The factory reads its arguments before it runs, so one buffer per arity and thread serves every
                    // node; it is taken out while in use, so a factory that runs another invocation gets its own.
                    var arguments = RentArguments(node.Arguments.Length);
                    try
                    {
                        for (var i = 0; i < arguments.Length; i++)
                        {
                            arguments[i] = await ResolveAsync(node.Arguments[i], descriptor.Display).ConfigureAwait(false);
                        }

                        created = descriptor.Create(arguments);
                    }
                    finally
                    {
                        ReturnArguments(arguments);
                    }
                }

                entered = await descriptor.Strategy.EnterAsync(descriptor, created, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (telemetry is not null && SetupFailed(telemetry, step, descriptor, e))
            {
                // Never taken: the filter records the failure and lets the exception go on.
                throw;
            }

            telemetry?.EndSetup(step, descriptor, null);
            Entered(node, entered);
        }
    }

    private DependencyTelemetry? Telemetry => _observed ? Plan.Catalog.Telemetry : null;

    private static bool SetupFailed(DependencyTelemetry telemetry, in TelemetryStep step, DependencyDescriptor descriptor, Exception error)
    {
        telemetry.EndSetup(step, descriptor, ExceptionRules.Unwrap(error));
        return false;
    }

    private object? CreateSynchronously(PlanNode node)
    {
        var descriptor = node.Descriptor;
        if (node.Arguments.Length == 0)
        {
            return descriptor.Create([]);
        }

        if (descriptor.CreateWithOne is { } createWithOne)
        {
            var source = node.Arguments[0];
            return createWithOne(source.Kind == ArgumentKind.Dependency ? _slots[source.Slot].Value : ResolveAsync(source, descriptor.Display).Result);
        }

        var arguments = RentArguments(node.Arguments.Length);
        try
        {
            for (var i = 0; i < arguments.Length; i++)
            {
                var source = node.Arguments[i];
                arguments[i] = source.Kind == ArgumentKind.Dependency ? _slots[source.Slot].Value : ResolveAsync(source, descriptor.Display).Result;
            }

            return descriptor.Create(arguments);
        }
        finally
        {
            ReturnArguments(arguments);
        }
    }

    private void Entered(PlanNode node, EnteredDependency entered)
    {
        _slots[node.Slot] = new InvocationSlot { Value = entered.Value, State = entered.State };
        _liveSlots = node.Slot + 1;
        _enteredCount = node.Slot + 1;
        if (_reportsSteps)
        {
            _events.Entered(Plan.FunctionName, node.Descriptor);
        }
    }

    private static object?[] RentArguments(int count)
    {
        var buffers = t_argumentBuffers;
        if (buffers is not null && count < buffers.Length && buffers[count] is { } buffer)
        {
            buffers[count] = null;
            return buffer;
        }

        return new object?[count];
    }

    private static void ReturnArguments(object?[] arguments)
    {
        Array.Clear(arguments);
        if (arguments.Length < 8)
        {
            (t_argumentBuffers ??= new object?[8][])[arguments.Length] = arguments;
        }
    }

    /// <summary>
    /// Gets the value YieldDeps supplies for the next function parameter of type <paramref name="type"/>: a
    /// dependency, the outcome, or a service of the invocation scope.
    /// </summary>
    public bool TryTakeParameterValue(Type type, out object? value)
    {
        if (!Plan.ParameterSlots.TryGetValue(type, out var slots))
        {
            return TrySupplyParameter(type, out value);
        }

        var slot = slots[0];
        if (slots.Length > 1)
        {
            // Several parameters of one type, at least one of them fresh: the worker converts parameters in
            // declaration order, so hand the planned slots out in that order.
            var extras = _extras ??= new InvocationExtras(_slots.Length);
            var cursors = extras.ParameterCursors ??= new int[_slots.Length];
            var index = cursors[slots[0]]++;
            slot = slots[Math.Min(index, slots.Length - 1)];
        }

        value = _slots[slot].Value;
        return true;
    }

    private bool TrySupplyParameter(Type type, out object? value)
    {
        if (Plan.SuppliesOutcome && type == typeof(InvocationOutcome))
        {
            value = Outcome;
            return true;
        }

        if (Plan.ServiceParameters.Count > 0 && Plan.ServiceParameters.Contains(type))
        {
            value = Plan.Catalog.Host.GetServices(_host).GetService(type);
            Watch(type, value);
            return true;
        }

        value = null;
        return false;
    }

    /// <summary>
    /// Gets the types of the EF Core contexts, allowed without a unit of work, that this invocation handed over and
    /// that still have changes they did not save; empty when none. A context the check cannot read (disposed, say) is
    /// left out.
    /// </summary>
    public IReadOnlyList<Type> ContextsWithUnsavedChanges()
    {
        if (_extras?.Contexts is not { } contexts || Plan.UnsavedChangesProbes is not { } probes)
        {
            return [];
        }

        var unsaved = new List<Type>();
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        foreach (var (type, context) in contexts)
        {
            if (!seen.Add(context))
            {
                continue;
            }

            try
            {
                if (probes[type](context))
                {
                    unsaved.Add(type);
                }
            }
            catch (Exception e) when (e is ObjectDisposedException or InvalidOperationException)
            {
                // Disposed by the function, or not readable any more: nothing to tell.
            }
        }

        return unsaved;
    }

    /// <summary>Remembers a context handed over as a service when it is one the plan watches for unsaved changes.</summary>
    private object? Watch(Type type, object? value)
    {
        if (value is not null && Plan.UnsavedChangesProbes is { } probes && probes.ContainsKey(type))
        {
            var extras = _extras ??= new InvocationExtras(_slots.Length);
            (extras.Contexts ??= []).Add((type, value));
        }

        return value;
    }

    /// <summary>
    /// Gets the shared value of dependency type <paramref name="type"/> in this invocation, while it is alive: set up,
    /// and not yet torn down.
    /// </summary>
    public bool TryGetValue(Type type, out object? value)
    {
        if (Plan.SlotsByKey.TryGetValue(type, out var slot) && slot < _liveSlots && _extras?.TornDown?[slot] != true)
        {
            value = _slots[slot].Value;
            return true;
        }

        value = null;
        return false;
    }

    /// <summary>Creates the function class with its dependency and service arguments.</summary>
    public object CreateFunctionInstance(ConstructorPlan constructor)
    {
        var arguments = new object?[constructor.Arguments.Length];
        for (var i = 0; i < arguments.Length; i++)
        {
            var source = constructor.Arguments[i];
            arguments[i] = source.Kind == ArgumentKind.Dependency
                ? _slots[source.Slot].Value
                : ResolveService(source, $"the constructor of {TypeNames.Of(constructor.Type)}");
        }

        return constructor.Create(arguments)!;
    }

    /// <summary>Gets a value indicating whether request-scoped dependencies wait for <see cref="FinishRequestScopeAsync"/>.</summary>
    public bool HasDeferredTeardown => DeferredCount > 0;

    private int DeferredCount => _extras?.DeferredCount ?? 0;

    /// <summary>
    /// Tears down every entered dependency, last entered first, and returns the exception the invocation ends with
    /// (null on success).
    /// </summary>
    /// <param name="failure">What the setup or the function threw, already unwrapped; null when it succeeded.</param>
    /// <param name="deferRequestScoped">
    /// Keep request-scoped dependencies open for <see cref="FinishRequestScopeAsync"/> when the invocation succeeded
    /// (the response is about to be written); a failure tears them down here as well, before the error response.
    /// </param>
    /// <param name="cancelled">The caller went away (a client that disconnected), beyond the invocation's own token.</param>
    public ValueTask<Exception?> TeardownAsync(Exception? failure, bool deferRequestScoped = false, bool cancelled = false)
    {
        var outcome = Outcome;
        var inFlight = failure;
        _cancelled = cancelled || _cancellationToken.IsCancellationRequested;
        if (_cancelled)
        {
            // The host has given up on this invocation (timeout or shutdown) and will report it failed, maybe retry
            // it: committing now could apply the work twice.
            inFlight ??= new OperationCanceledException("The invocation was cancelled before its dependencies were finished.", _cancellationToken);
            outcome.Status = OutcomeStatus.Cancelled;
        }
        else if (inFlight is not null)
        {
            outcome.Status = OutcomeStatus.Faulted;
        }
        else
        {
            outcome.Status = OutcomeStatus.Succeeded;
            inFlight = CountsAsFailure(Plan.Catalog.FailWhen);
            if (inFlight is not null)
            {
                outcome.Status = OutcomeStatus.Faulted;
            }
        }

        outcome.Exception = inFlight;
        if (_enteredCount == 0)
        {
            Telemetry?.InvocationEnded(Plan.FunctionName, outcome.Status);
            return new(inFlight);
        }

        outcome.BeginTeardown(Plan.Catalog.TeardownTimeout);
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
                var step = TeardownOneAsync(slot, inFlight);
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

    /// <summary>Counts the invocation once all its dependencies are finished (none kept for the response).</summary>
    private void Ended()
    {
        if (DeferredCount == 0)
        {
            Telemetry?.InvocationEnded(Plan.FunctionName, Outcome.Status);
        }
    }

    /// <summary>
    /// Whether the entered dependency at <paramref name="slot"/> is torn down now: it has a teardown, and is not
    /// request-scoped on a successful invocation that keeps those for the response (it is then deferred).
    /// </summary>
    private bool TakeForTeardown(int slot, bool deferRequestScoped, Exception? inFlight)
    {
        var descriptor = Plan.Nodes[slot].Descriptor;
        if (!descriptor.HasTeardown)
        {
            return false;
        }

        if (deferRequestScoped && inFlight is null && descriptor.Scope == DependencyScope.Request)
        {
            // Kept open until the response is written; entries below it stay in setup order.
            Defer(slot);
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
                inFlight = await TeardownOneAsync(slot, inFlight).ConfigureAwait(false);
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

        Outcome.EndTeardown();
    }

    /// <summary>
    /// Tears down the request-scoped dependencies kept by <see cref="TeardownAsync"/>, once the response has been
    /// written (or has failed), and returns the exception the request ends with (null when it succeeded).
    /// </summary>
    /// <param name="failure">What writing the response threw, already unwrapped; null when it completed.</param>
    /// <param name="cancelled">The client went away or the invocation was cancelled while the response was written.</param>
    public async ValueTask<Exception?> FinishRequestScopeAsync(Exception? failure, bool cancelled)
    {
        if (DeferredCount == 0)
        {
            return failure;
        }

        var outcome = Outcome;
        var inFlight = failure;
        _cancelled = cancelled;
        if (cancelled)
        {
            inFlight ??= new OperationCanceledException("The client went away before the response was written completely.");
            outcome.Status = OutcomeStatus.Cancelled;
            outcome.Exception = inFlight;
        }
        else if (inFlight is not null)
        {
            outcome.Status = OutcomeStatus.Faulted;
            outcome.Exception = inFlight;
        }

        outcome.BeginTeardown(Plan.Catalog.TeardownTimeout);
        try
        {
            return await TeardownDeferredAsync(inFlight).ConfigureAwait(false);
        }
        finally
        {
            _liveSlots = 0;
            outcome.EndTeardown();
            Telemetry?.InvocationEnded(Plan.FunctionName, outcome.Status);
        }
    }

    /// <summary>
    /// The host gave up on the invocation while its dependencies were being finished: those not finished yet roll
    /// back rather than commit work the host will report as failed (and may retry).
    /// </summary>
    private Exception? CancelledDuringTeardown()
    {
        if (!_cancellationToken.IsCancellationRequested)
        {
            return null;
        }

        var cancelled = new OperationCanceledException("The invocation was cancelled while its dependencies were being finished.", _cancellationToken);
        _cancelled = true;
        Outcome.Status = OutcomeStatus.Cancelled;
        Outcome.Exception = cancelled;
        return cancelled;
    }

    private void Defer(int slot)
    {
        // Collected last-entered first; TeardownDeferredAsync walks them in that order.
        var extras = _extras ??= new InvocationExtras(_slots.Length);
        extras.Deferred[extras.DeferredCount++] = slot;
    }

    private async ValueTask<Exception?> TeardownDeferredAsync(Exception? inFlight)
    {
        var extras = _extras!;
        for (var i = 0; i < extras.DeferredCount; i++)
        {
            var slot = extras.Deferred[i];
            inFlight = await TeardownOneAsync(slot, inFlight).ConfigureAwait(false);
            MarkTornDown(slot);
        }

        extras.DeferredCount = 0;
        return inFlight;
    }

    private void MarkTornDown(int slot)
    {
        if (DeferredCount == 0)
        {
            _liveSlots = Math.Min(_liveSlots, slot);
            return;
        }

        // Request-scoped dependencies stay alive past function-scoped ones entered after them.
        var extras = _extras!;
        extras.TornDown ??= new bool[_slots.Length];
        extras.TornDown[slot] = true;
    }

    /// <summary>
    /// Applies a rule that may count the produced result as a failure: returns the stand-in exception when it does,
    /// the rule's own exception when it throws (a broken rule must not skip any teardown), null otherwise.
    /// </summary>
    private Exception? CountsAsFailure(Func<InvocationOutcome, bool>? rule)
    {
        try
        {
            return rule?.Invoke(Outcome) == true ? new ResultCountedAsFailureException(Outcome.HttpStatus) : null;
        }
        catch (Exception e)
        {
            return e;
        }
    }

    private ValueTask<Exception?> TeardownOneAsync(int slot, Exception? inFlight)
    {
        var descriptor = Plan.Nodes[slot].Descriptor;
        if (_observed || !descriptor.ExitsOnly)
        {
            return TeardownOneFullAsync(slot, inFlight);
        }

        // The common case, an exit step and nothing else: when the step completes without waiting, no state machine
        // and no deadline are involved.
        var state = _slots[slot].State;
        _slots[slot].State = null;
        var resumed = inFlight is null;
        ValueTask step;
        try
        {
            step = descriptor.Strategy.ExitAsync(descriptor, _slots[slot].Value, state, inFlight, Outcome);
        }
        catch (Exception thrown)
        {
            return new(StepFailed(descriptor, descriptor.PhaseFor(resumed), thrown, inFlight));
        }

        if (!step.IsCompletedSuccessfully)
        {
            return FinishExitAsync(descriptor, step, inFlight, resumed);
        }

        step.GetAwaiter().GetResult();
        Exited(descriptor, resumed);
        return new(inFlight);
    }

    private async ValueTask<Exception?> FinishExitAsync(DependencyDescriptor descriptor, ValueTask step, Exception? inFlight, bool resumed)
    {
        try
        {
            await WithinDeadline(step, descriptor.Name).ConfigureAwait(false);
        }
        catch (Exception thrown)
        {
            return StepFailed(descriptor, descriptor.PhaseFor(resumed), thrown, inFlight);
        }

        Exited(descriptor, resumed);
        return inFlight;
    }

    private async ValueTask<Exception?> TeardownOneFullAsync(int slot, Exception? inFlight)
    {
        var outcome = Outcome;
        var descriptor = Plan.Nodes[slot].Descriptor;
        var (value, state) = (_slots[slot].Value, _slots[slot].State);
        _slots[slot].State = null;
        var failure = inFlight;
        var ownRule = false;
        if (failure is null && descriptor.FailWhen is not null)
        {
            failure = CountsAsFailure(descriptor.FailWhen);
            if (failure is ResultCountedAsFailureException)
            {
                // This dependency alone counts the result as a failure: it sees the outcome as if the function had thrown.
                ownRule = true;
                outcome.Status = OutcomeStatus.Faulted;
                outcome.Exception = failure;
            }
            else if (failure is not null)
            {
                inFlight = Fail(failure);
            }
        }

        var resumed = failure is null;
        var clean = true;
        var telemetry = Telemetry;
        var telemetryStep = telemetry is null ? default : telemetry.StartTeardown(Plan.FunctionName, descriptor);
        var overruns = outcome.CreatedDeadline?.Overruns ?? 0;
        Exception? stepError = null;
        TeardownPhase? stepPhase = null;
        try
        {
            if (descriptor.Strategy.HasExit)
            {
                try
                {
                    await WithinDeadline(descriptor.Strategy.ExitAsync(descriptor, value, state, failure, outcome), descriptor.Name).ConfigureAwait(false);
                }
                catch (Exception thrown)
                {
                    clean = false;
                    stepPhase = descriptor.PhaseFor(resumed);
                    stepError = NewError(thrown, inFlight) ?? stepError;
                    inFlight = StepFailed(descriptor, stepPhase.Value, thrown, inFlight);
                }
            }

            if (descriptor.DisposeValue)
            {
                try
                {
                    await WithinDeadline(DisposeAsync(value), descriptor.Name).ConfigureAwait(false);
                }
                catch (Exception thrown)
                {
                    clean = false;
                    stepPhase = TeardownPhase.DisposeValue;
                    stepError = NewError(thrown, inFlight) ?? stepError;
                    inFlight = StepFailed(descriptor, stepPhase.Value, thrown, inFlight);
                }
            }
        }
        finally
        {
            if (ownRule && outcome.Exception is ResultCountedAsFailureException)
            {
                outcome.Status = OutcomeStatus.Succeeded;
                outcome.Exception = null;
            }
        }

        if (clean)
        {
            Exited(descriptor, resumed);
        }

        if (telemetry is not null)
        {
            var overran = (outcome.CreatedDeadline?.Overruns ?? 0) != overruns;
            if (overran)
            {
                telemetry.DeadlineOverrun(descriptor);
            }

            var result = stepError is null ? resumed ? TeardownResult.Resumed : TeardownResult.Disposed
                : overran ? TeardownResult.DeadlineExceeded : TeardownResult.Failed;
            telemetry.EndTeardown(telemetryStep, descriptor, result, stepPhase, stepError ?? failure);
        }

        return inFlight;
    }

    /// <summary>
    /// Awaits a teardown step under the deadline. A step that completed without waiting arms no deadline (and creates
    /// none); its result is still consumed, for pooled sources.
    /// </summary>
    private ValueTask WithinDeadline(ValueTask step, string dependencyName)
    {
        if (step.IsCompletedSuccessfully)
        {
            step.GetAwaiter().GetResult();
            return default;
        }

        return Outcome.Deadline!.WaitAsync(step, dependencyName);
    }

    private void Exited(DependencyDescriptor descriptor, bool resumed)
    {
        if (_reportsSteps || !resumed)
        {
            _events.Exited(Plan.FunctionName, descriptor, resumed);
        }
    }

    /// <summary>What a teardown step threw, unless it only let the exception in flight through.</summary>
    private static Exception? NewError(Exception thrown, Exception? inFlight)
    {
        var error = ExceptionRules.Unwrap(thrown);
        return inFlight is not null && ReferenceEquals(error, inFlight) ? null : error;
    }

    /// <summary>Applies the failure rules to an exception thrown by a teardown step; returns what is now in flight.</summary>
    private Exception? StepFailed(DependencyDescriptor descriptor, TeardownPhase phase, Exception thrown, Exception? inFlight)
    {
        var error = ExceptionRules.Unwrap(thrown);
        if (inFlight is not null && ReferenceEquals(error, inFlight))
        {
            // The teardown let the exception in flight through (a rethrow): nothing new happened.
            return inFlight;
        }

        if (inFlight is null or ResultCountedAsFailureException)
        {
            _events.TeardownFailed(Plan.FunctionName, descriptor, phase, error, inFlight);
            // Nothing real was in flight (say, a commit failed): this failure is now what the invocation ends
            // with, and the outer dependencies see it and roll back.
            return Fail(error);
        }

        if (ExceptionRules.IsDeliberateReplacement(error, inFlight))
        {
            if (!ReferenceEquals(error.InnerException, inFlight))
            {
                error.Data[ExceptionCleanupExtensions.ReplacedExceptionKey] = inFlight;
            }

            // Meant, not a failure of cleanup: reported as a replacement only.
            _events.Replaced(Plan.FunctionName, descriptor, inFlight, error);
            return Fail(error);
        }

        _events.TeardownFailed(Plan.FunctionName, descriptor, phase, error, inFlight);
        Telemetry?.CleanupFailure(descriptor);
        var cleanupFailure = new DependencyTeardownException(descriptor.Name, phase, error);
        ExceptionCleanupExtensions.AttachCleanupFailure(inFlight, cleanupFailure);
        Outcome.AddCleanupFailure(cleanupFailure);
        return inFlight;
    }

    private Exception Fail(Exception error)
    {
        Outcome.Status = _cancelled || _cancellationToken.IsCancellationRequested ? OutcomeStatus.Cancelled : OutcomeStatus.Faulted;
        Outcome.Exception = error;
        return error;
    }

    private static ValueTask DisposeAsync(object? value)
    {
        switch (value)
        {
            case IAsyncDisposable asyncDisposable:
                return asyncDisposable.DisposeAsync();
            case IDisposable disposable:
                disposable.Dispose();
                return default;
            default:
                return default;
        }
    }

    private ValueTask<object?> ResolveAsync(ArgumentSource source, string owner)
    {
        switch (source.Kind)
        {
            case ArgumentKind.Dependency:
                return new(_slots[source.Slot].Value);
            case ArgumentKind.Context:
                return source.Context!.ReadAsync(_host);
            case ArgumentKind.CancellationToken:
                return new(_cancellationToken);
            case ArgumentKind.Outcome:
                return new(Outcome);
            case ArgumentKind.Service:
                return new(ResolveService(source, $"dependency {owner}"));
            case ArgumentKind.SimpleValue:
                return new(ResolveSimpleValue(source));
            case ArgumentKind.Header:
                return ResolveHeaderAsync(source);
            default:
                return new(source.DefaultValue);
        }
    }

    private object? ResolveService(ArgumentSource source, string owner)
    {
        var services = Plan.Catalog.Host.GetServices(_host);
        if (source.IsOptional)
        {
            return Watch(source.Type, services.GetService(source.Type)) ?? source.DefaultValue;
        }

        try
        {
            return Watch(source.Type, services.GetRequiredService(source.Type));
        }
        catch (InvalidOperationException e)
        {
            ExceptionDispatchInfo.Throw(new InvalidOperationException(
                $"Parameter '{source.Name}' of {owner} needs service {TypeNames.Of(source.Type)}, which the invocation's services cannot provide: {e.Message}", e));
            throw;
        }
    }

    private async ValueTask<object?> ResolveHeaderAsync(ArgumentSource source)
    {
        var raw = await Plan.Catalog.Host.ReadHeaderAsync(_host, source.Name).ConfigureAwait(false);
        if (raw is not null)
        {
            return SimpleValues.Convert(raw, source.Type, source.Name, $"header '{source.Name}'");
        }

        if (source.IsOptional)
        {
            return source.DefaultValue is DBNull ? null : source.DefaultValue;
        }

        throw new HttpProblemException(400, $"The header '{source.Name}' is required.");
    }

    private object? ResolveSimpleValue(ArgumentSource source)
    {
        if (Plan.Catalog.Host.TryGetBindingValue(_host, source.Name, out var raw) && raw is not null)
        {
            return SimpleValues.Convert(raw, source.Type, source.Name);
        }

        if (source.IsOptional)
        {
            return source.DefaultValue is DBNull ? null : source.DefaultValue;
        }

        throw new HttpProblemException(400, $"The value '{source.Name}' is required.");
    }
}
