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
    private readonly DependencyCatalog _catalog;
    private readonly object _host;
    private readonly IDependencyEvents _events;
    private readonly DependencyTelemetry? _telemetry;
    private readonly object?[] _values;
    private readonly EnteredEntry[] _entered;
    private int _enteredCount;
    private int[]? _parameterCursors;
    private int _liveSlots;
    private EnteredEntry[]? _deferred;
    private int _deferredCount;
    private bool[]? _tornDown;
    private bool _cancelled;
    private CancellationToken _cancellationToken;

    public DependencyInvocation(DependencyCatalog catalog, InvocationPlan plan, object host, IDependencyEvents events)
    {
        _catalog = catalog;
        Plan = plan;
        _host = host;
        _events = events;
        // Asked once: with nobody listening, the invocation makes no other telemetry call.
        _telemetry = catalog.Telemetry is { IsObserved: true } telemetry ? telemetry : null;
        _values = plan.Nodes.Length == 0 ? [] : new object?[plan.Nodes.Length];
        _entered = plan.Nodes.Length == 0 ? [] : new EnteredEntry[plan.Nodes.Length];
    }

    public InvocationPlan Plan { get; }

    public InvocationOutcome Outcome { get; } = new();

    /// <summary>Sets up every planned dependency in order. On failure the entered ones stay recorded for <see cref="TeardownAsync"/>.</summary>
    public async ValueTask SetupAsync(CancellationToken cancellationToken)
    {
        _cancellationToken = cancellationToken;
        foreach (var node in Plan.Nodes)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var descriptor = node.Descriptor;
            var step = _telemetry is null ? default : _telemetry.StartSetup(Plan.FunctionName, descriptor);
            try
            {
                var arguments = node.Arguments.Length == 0 ? [] : new object?[node.Arguments.Length];
                for (var i = 0; i < arguments.Length; i++)
                {
                    arguments[i] = await ResolveAsync(node.Arguments[i], descriptor.Display).ConfigureAwait(false);
                }

                var created = descriptor.Create(arguments);
                var entered = await descriptor.Strategy.EnterAsync(descriptor, created, cancellationToken).ConfigureAwait(false);
                _values[node.Slot] = entered.Value;
                _liveSlots = node.Slot + 1;
                if (descriptor.HasTeardown)
                {
                    _entered[_enteredCount++] = new EnteredEntry(node.Slot, descriptor, entered.Value, entered.Teardown);
                }
            }
            catch (Exception e) when (_telemetry is not null && SetupFailed(step, descriptor, e))
            {
                // Never taken: the filter records the failure and lets the exception go on.
                throw;
            }

            _telemetry?.EndSetup(step, descriptor, null);
            _events.Entered(Plan.FunctionName, descriptor);
        }
    }

    private bool SetupFailed(in TelemetryStep step, DependencyDescriptor descriptor, Exception error)
    {
        _telemetry!.EndSetup(step, descriptor, ExceptionRules.Unwrap(error));
        return false;
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
            _parameterCursors ??= new int[_values.Length];
            var index = _parameterCursors[slots[0]]++;
            slot = slots[Math.Min(index, slots.Length - 1)];
        }

        value = _values[slot];
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
            value = _catalog.Host.GetServices(_host).GetService(type);
            return true;
        }

        value = null;
        return false;
    }

    /// <summary>
    /// Gets the shared value of dependency type <paramref name="type"/> in this invocation, while it is alive: set up,
    /// and not yet torn down.
    /// </summary>
    public bool TryGetValue(Type type, out object? value)
    {
        if (Plan.SlotsByKey.TryGetValue(type, out var slot) && slot < _liveSlots && _tornDown?[slot] != true)
        {
            value = _values[slot];
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
                ? _values[source.Slot]
                : ResolveService(source, $"the constructor of {TypeNames.Of(constructor.Type)}");
        }

        return constructor.Create(arguments)!;
    }

    /// <summary>Gets a value indicating whether request-scoped dependencies wait for <see cref="FinishRequestScopeAsync"/>.</summary>
    public bool HasDeferredTeardown => _deferredCount > 0;

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
    public async ValueTask<Exception?> TeardownAsync(Exception? failure, bool deferRequestScoped = false, bool cancelled = false)
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
            inFlight = CountsAsFailure(_catalog.FailWhen);
            if (inFlight is not null)
            {
                outcome.Status = OutcomeStatus.Faulted;
            }
        }

        outcome.Exception = inFlight;
        if (_enteredCount == 0)
        {
            _telemetry?.InvocationEnded(Plan.FunctionName, outcome.Status);
            return inFlight;
        }

        var deadline = new TeardownDeadline(_catalog.TeardownTimeout);
        outcome.Deadline = deadline;
        try
        {
            for (var i = _enteredCount - 1; i >= 0; i--)
            {
                var entry = _entered[i];
                if (deferRequestScoped && inFlight is null && entry.Descriptor.Scope == DependencyScope.Request)
                {
                    // Kept open until the response is written; entries below it stay in setup order.
                    _entered[i] = default;
                    Defer(entry);
                    continue;
                }

                _entered[i] = default;
                inFlight ??= CancelledDuringTeardown();
                inFlight = await TeardownOneAsync(entry, inFlight, deadline).ConfigureAwait(false);
                MarkTornDown(entry.Slot);
            }

            if (inFlight is not null && _deferredCount > 0)
            {
                // A function-scoped teardown failed after a request-scoped one was kept: the response will be an
                // error, so nothing streams, and the kept ones see the failure now.
                inFlight = await TeardownDeferredAsync(inFlight, deadline).ConfigureAwait(false);
            }
        }
        finally
        {
            _enteredCount = 0;
            if (_deferredCount == 0)
            {
                _liveSlots = 0;
            }

            outcome.Deadline = null;
            deadline.Dispose();
        }

        if (_deferredCount == 0)
        {
            _telemetry?.InvocationEnded(Plan.FunctionName, outcome.Status);
        }

        return inFlight;
    }

    /// <summary>
    /// Tears down the request-scoped dependencies kept by <see cref="TeardownAsync"/>, once the response has been
    /// written (or has failed), and returns the exception the request ends with (null when it succeeded).
    /// </summary>
    /// <param name="failure">What writing the response threw, already unwrapped; null when it completed.</param>
    /// <param name="cancelled">The client went away or the invocation was cancelled while the response was written.</param>
    public async ValueTask<Exception?> FinishRequestScopeAsync(Exception? failure, bool cancelled)
    {
        if (_deferredCount == 0)
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

        var deadline = new TeardownDeadline(_catalog.TeardownTimeout);
        outcome.Deadline = deadline;
        try
        {
            return await TeardownDeferredAsync(inFlight, deadline).ConfigureAwait(false);
        }
        finally
        {
            _liveSlots = 0;
            outcome.Deadline = null;
            deadline.Dispose();
            _telemetry?.InvocationEnded(Plan.FunctionName, outcome.Status);
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

    private void Defer(EnteredEntry entry)
    {
        // Collected last-entered first; TeardownDeferredAsync walks them in that order.
        _deferred ??= new EnteredEntry[_entered.Length];
        _deferred[_deferredCount++] = entry;
    }

    private async ValueTask<Exception?> TeardownDeferredAsync(Exception? inFlight, TeardownDeadline deadline)
    {
        for (var i = 0; i < _deferredCount; i++)
        {
            var entry = _deferred![i];
            _deferred[i] = default;
            inFlight = await TeardownOneAsync(entry, inFlight, deadline).ConfigureAwait(false);
            MarkTornDown(entry.Slot);
        }

        _deferredCount = 0;
        return inFlight;
    }

    private void MarkTornDown(int slot)
    {
        if (_deferredCount == 0)
        {
            _liveSlots = Math.Min(_liveSlots, slot);
            return;
        }

        // Request-scoped dependencies stay alive past function-scoped ones entered after them.
        _tornDown ??= new bool[_values.Length];
        _tornDown[slot] = true;
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

    private async ValueTask<Exception?> TeardownOneAsync(EnteredEntry entry, Exception? inFlight, TeardownDeadline deadline)
    {
        var outcome = Outcome;
        var descriptor = entry.Descriptor;
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
        var step = _telemetry is null ? default : _telemetry.StartTeardown(Plan.FunctionName, descriptor);
        var overruns = deadline.Overruns;
        Exception? stepError = null;
        TeardownPhase? stepPhase = null;
        try
        {
            if (entry.Teardown is not null)
            {
                try
                {
                    await deadline.WaitAsync(entry.Teardown.ExitAsync(failure, deadline), descriptor.Name).ConfigureAwait(false);
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
                    await deadline.WaitAsync(DisposeAsync(entry.Value), descriptor.Name).ConfigureAwait(false);
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
            _events.Exited(Plan.FunctionName, descriptor, resumed);
        }

        if (_telemetry is not null)
        {
            var overran = deadline.Overruns != overruns;
            if (overran)
            {
                _telemetry.DeadlineOverrun(descriptor);
            }

            var result = stepError is null ? resumed ? TeardownResult.Resumed : TeardownResult.Disposed
                : overran ? TeardownResult.DeadlineExceeded : TeardownResult.Failed;
            _telemetry.EndTeardown(step, descriptor, result, stepPhase, stepError ?? failure);
        }

        return inFlight;
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
        _telemetry?.CleanupFailure(descriptor);
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
                return new(_values[source.Slot]);
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
        var services = _catalog.Host.GetServices(_host);
        if (source.IsOptional)
        {
            return services.GetService(source.Type) ?? source.DefaultValue;
        }

        try
        {
            return services.GetRequiredService(source.Type);
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
        var raw = await _catalog.Host.ReadHeaderAsync(_host, source.Name).ConfigureAwait(false);
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
        if (_catalog.Host.TryGetBindingValue(_host, source.Name, out var raw) && raw is not null)
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
