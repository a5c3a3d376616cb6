using YieldDeps.Generated;

namespace YieldDeps.Engine;

/// <summary>
/// The teardown of one entered dependency: its exit (resume or dispose) and the disposal of its value, each under
/// the teardown deadline, with what it throws applied to the exception in flight by the failure rules.
/// </summary>
internal static class TeardownStep
{
    /// <summary>Tears down the dependency at <paramref name="slot"/>; returns what is in flight afterwards.</summary>
    public static ValueTask<Exception?> RunAsync(TeardownStack stack, int slot, Exception? inFlight)
    {
        var invocation = stack.Invocation;
        var node = invocation.Plan.Nodes[slot];
        if (!node.ExitsOnly || invocation.Observed)
        {
            return RunFullAsync(stack, slot, inFlight);
        }

        var descriptor = node.Descriptor;

        // The common case, an exit step and nothing else: when the step completes without waiting, no state machine
        // and no deadline are involved.
        ref var entry = ref stack[slot];
        var state = entry.State;
        entry.State = null;
        var resumed = inFlight is null;
        ValueTask step;
        try
        {
            step = Exit(invocation, node, entry.Value, state, inFlight);
        }
        catch (Exception thrown)
        {
            return new(Failed(stack, descriptor, descriptor.PhaseFor(resumed), thrown, inFlight));
        }

        if (!step.IsCompletedSuccessfully)
        {
            return FinishExitAsync(stack, descriptor, step, inFlight, resumed);
        }

        step.GetAwaiter().GetResult();
        Exited(invocation, descriptor, resumed);
        return new(inFlight);
    }

    /// <summary>The dependency's exit step: the generated code's when the plan runs on it, otherwise its strategy's.</summary>
    private static ValueTask Exit(DependencyInvocation invocation, PlanNode node, object? value, object? state, Exception? failure) =>
        node.Step is { } step
            ? step.ExitAsync(new DependencyExit(node.Descriptor.Name, value, state, failure, invocation.Outcome))
            : node.Descriptor.Strategy.ExitAsync(node.Descriptor, value, state, failure, invocation.Outcome);

    private static async ValueTask<Exception?> FinishExitAsync(TeardownStack stack, DependencyDescriptor descriptor, ValueTask step, Exception? inFlight, bool resumed)
    {
        try
        {
            await WithinDeadline(stack.Invocation.Outcome, step, descriptor.Name).ConfigureAwait(false);
        }
        catch (Exception thrown)
        {
            return Failed(stack, descriptor, descriptor.PhaseFor(resumed), thrown, inFlight);
        }

        Exited(stack.Invocation, descriptor, resumed);
        return inFlight;
    }

    private static async ValueTask<Exception?> RunFullAsync(TeardownStack stack, int slot, Exception? inFlight)
    {
        var invocation = stack.Invocation;
        var outcome = invocation.Outcome;
        var descriptor = invocation.Plan.Nodes[slot].Descriptor;
        var (value, state) = (stack[slot].Value, stack[slot].State);
        stack[slot].State = null;
        var failure = inFlight;
        var ownRule = false;
        if (failure is null && descriptor.FailWhen is not null)
        {
            failure = StatusRules.CountsAsFailure(descriptor.FailWhen, outcome);
            if (failure is ResultCountedAsFailureException)
            {
                ownRule = true;
                StatusRules.EnterOwnRule(outcome, failure);
            }
            else if (failure is not null)
            {
                inFlight = stack.Fail(failure);
            }
        }

        var resumed = failure is null;
        var clean = true;
        var telemetry = invocation.Telemetry;
        var telemetryStep = telemetry is null ? default : telemetry.StartTeardown(invocation.Plan, descriptor);
        var overruns = outcome.CreatedDeadline?.Overruns ?? 0;
        Exception? stepError = null;
        TeardownPhase? stepPhase = null;
        try
        {
            if (descriptor.Strategy.HasExit)
            {
                try
                {
                    await WithinDeadline(outcome, Exit(invocation, invocation.Plan.Nodes[slot], value, state, failure), descriptor.Name).ConfigureAwait(false);
                }
                catch (Exception thrown)
                {
                    clean = false;
                    stepPhase = descriptor.PhaseFor(resumed);
                    stepError = NewError(thrown, inFlight) ?? stepError;
                    inFlight = Failed(stack, descriptor, stepPhase.Value, thrown, inFlight);
                }
            }

            if (descriptor.DisposeValue)
            {
                try
                {
                    await WithinDeadline(outcome, DisposeAsync(value), descriptor.Name).ConfigureAwait(false);
                }
                catch (Exception thrown)
                {
                    clean = false;
                    stepPhase = TeardownPhase.DisposeValue;
                    stepError = NewError(thrown, inFlight) ?? stepError;
                    inFlight = Failed(stack, descriptor, stepPhase.Value, thrown, inFlight);
                }
            }
        }
        finally
        {
            if (ownRule)
            {
                StatusRules.LeaveOwnRule(outcome);
            }
        }

        if (clean)
        {
            Exited(invocation, descriptor, resumed);
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
    private static ValueTask WithinDeadline(InvocationOutcome outcome, ValueTask step, string dependencyName)
    {
        if (step.IsCompletedSuccessfully)
        {
            step.GetAwaiter().GetResult();
            return default;
        }

        return outcome.Deadline!.WaitAsync(step, dependencyName);
    }

    private static void Exited(DependencyInvocation invocation, DependencyDescriptor descriptor, bool resumed)
    {
        if (invocation.ReportsSteps || !resumed)
        {
            invocation.Events.Exited(invocation.Plan.FunctionName, descriptor, resumed);
        }
    }

    /// <summary>What a teardown step threw, unless it only let the exception in flight through.</summary>
    private static Exception? NewError(Exception thrown, Exception? inFlight)
    {
        var error = ExceptionRules.Unwrap(thrown);
        return inFlight is not null && ReferenceEquals(error, inFlight) ? null : error;
    }

    /// <summary>Applies the failure rules to an exception thrown by a teardown step; returns what is now in flight.</summary>
    private static Exception? Failed(TeardownStack stack, DependencyDescriptor descriptor, TeardownPhase phase, Exception thrown, Exception? inFlight)
    {
        var invocation = stack.Invocation;
        var function = invocation.Plan.FunctionName;
        var error = ExceptionRules.Unwrap(thrown);
        if (inFlight is not null && ReferenceEquals(error, inFlight))
        {
            // The teardown let the exception in flight through (a rethrow): nothing new happened.
            return inFlight;
        }

        if (inFlight is null or ResultCountedAsFailureException)
        {
            invocation.Events.TeardownFailed(function, descriptor, phase, error, inFlight);
            // Nothing real was in flight (say, a commit failed): this failure is now what the invocation ends
            // with, and the outer dependencies see it and roll back.
            return stack.Fail(error);
        }

        if (ExceptionRules.IsDeliberateReplacement(error, inFlight))
        {
            if (!ReferenceEquals(error.InnerException, inFlight))
            {
                error.Data[ExceptionCleanupExtensions.ReplacedExceptionKey] = inFlight;
            }

            // Meant, not a failure of cleanup: reported as a replacement only.
            invocation.Events.Replaced(function, descriptor, inFlight, error);
            return stack.Fail(error);
        }

        invocation.Events.TeardownFailed(function, descriptor, phase, error, inFlight);
        invocation.Telemetry?.CleanupFailure(descriptor);
        var cleanupFailure = new DependencyTeardownException(descriptor.Name, phase, error);
        ExceptionCleanupExtensions.AttachCleanupFailure(inFlight, cleanupFailure);
        invocation.Outcome.AddCleanupFailure(cleanupFailure);
        return inFlight;
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
}
