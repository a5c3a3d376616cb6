using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using YieldDeps.Testing;
using YieldDeps.Tests.Fixtures;
using static YieldDeps.Tests.Fixtures.FunctionMethods;

namespace YieldDeps.Tests.Rules;

/// <summary>SEMANTICS section 10: cancellation and the teardown deadline.</summary>
public sealed class CancellationTests
{
    [Fact]
    public async Task InvocationToken_ReachesSetupAndTheBody()
    {
        await using var worker = Workers.Create(deps => deps.Add(CancellationDependencies.Guard), out var journal, out _);
        using var source = new CancellationTokenSource();

        (await worker.InvokeAsync(Method<CancellationFunctions>(nameof(CancellationFunctions.Run)), TriggerInput.Queue("m"), source.Token)).EnsureSucceeded();

        Assert.Equal(["setup token-can-cancel=True", "body token-can-cancel=True", "guard resumed", "guard finally Succeeded teardown-token-cancelled=False"], journal.Entries);
    }

    [Fact]
    public async Task CancelledInvocation_RollsBack_YetTheTeardownTokenIsNotFired()
    {
        await using var worker = Workers.Create(deps => deps.Add(CancellationDependencies.Guard), out var journal, out var faults);
        using var source = new CancellationTokenSource();
        faults.CancelDuringBody = source;
        faults.BodyFails = true;

        var result = await worker.InvokeAsync(Method<CancellationFunctions>(nameof(CancellationFunctions.Run)), TriggerInput.Queue("m"), source.Token);

        Assert.IsAssignableFrom<OperationCanceledException>(result.Exception);
        Assert.DoesNotContain("guard resumed", journal.Entries);
        Assert.Contains("guard finally Cancelled teardown-token-cancelled=False", journal.Entries);
    }

    [Fact]
    public async Task CancelledInvocation_ClassExitGetsATokenTheInvocationDidNotFire()
    {
        await using var worker = Workers.Create(deps => deps.AddClass<LedgerDependency>(), out var journal, out var faults);
        using var source = new CancellationTokenSource();
        faults.CancelDuringBody = source;

        var result = await worker.InvokeAsync(Method<CancellationFunctions>(nameof(CancellationFunctions.WithLedger)), TriggerInput.Queue("m"), source.Token);

        Assert.IsAssignableFrom<OperationCanceledException>(result.Exception);
        Assert.Equal("ledger exit OperationCanceledException lines=0 token-cancelled=False", journal.Entries[^1]);
    }

    [Fact]
    public async Task HungTeardown_PastTheDeadline_IsATeardownFailure_AndTheRemainingTeardownsStillRun()
    {
        var (result, journal) = await RunHungTeardownAsync(TimeSpan.FromMilliseconds(200));

        var timeout = Assert.IsType<TimeoutException>(result.Exception);
        Assert.Contains("'CancellationDependencies.Hang'", timeout.Message, StringComparison.Ordinal);
        Assert.Contains("guard finally Faulted teardown-token-cancelled=False", journal.Entries);
    }

    [Fact]
    public async Task TheTeardownDeadline_RunsOnTheAppsTimeProvider()
    {
        // An hour of the app's clock passes at once; the real one would keep the teardown waiting for it.
        var (result, _) = await RunHungTeardownAsync(TimeSpan.FromHours(1));

        Assert.Contains("'CancellationDependencies.Hang'", Assert.IsType<TimeoutException>(result.Exception).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheTeardownToken_FiresAtTheDeadline_WhenTheStepReadsItWhileTheDeadlineIsArmed()
    {
        // A teardown resumed after its first await reads its token on another thread while the engine arms the
        // deadline: whichever creates the token first, both must hold the same one. Started side by side many times,
        // the two would otherwise now and then create one each, and the step would wait on a token that never fires.
        for (var round = 0; round < 2000; round++)
        {
            var clock = new FakeTimeProvider();
            using var deadline = new YieldDeps.Engine.TeardownDeadline(new YieldDeps.Engine.TeardownBudget(TimeSpan.FromSeconds(1), clock));
            using var bothReady = new Barrier(2);
            var stepsToken = new TaskCompletionSource<CancellationToken>(TaskCreationOptions.RunContinuationsAsynchronously);
            var step = Task.Run(async () =>
            {
                bothReady.SignalAndWait();
                var token = deadline.Token;
                stepsToken.SetResult(token);
                await Task.Delay(Timeout.Infinite, token);
            });

            bothReady.SignalAndWait();
            var waiting = deadline.WaitAsync(new ValueTask(step), "Race").AsTask();
            var token = await stepsToken.Task;
            await clock.AdvanceUntilDoneAsync(waiting.ContinueWith(static t => t.Exception, TaskScheduler.Default), TimeSpan.FromSeconds(1));

            Assert.True(token.IsCancellationRequested, $"round {round}: the step's token did not fire at the deadline");
        }
    }

    [Fact]
    public void TeardownTimeout_MustBePositiveOrInfinite()
    {
        var registry = new DependencyRegistry();

        Assert.Throws<ArgumentOutOfRangeException>(() => registry.TeardownTimeout = TimeSpan.Zero);
        registry.TeardownTimeout = Timeout.InfiniteTimeSpan;
        Assert.Equal(Timeout.InfiniteTimeSpan, registry.TeardownTimeout);
    }

    /// <summary>
    /// Runs a function whose inner dependency's teardown hangs, with the teardown deadline at <paramref name="budget"/>
    /// on a fake clock, moved on by the budget until the invocation has ended.
    /// </summary>
    private static async Task<(FunctionTestResult Result, Journal Journal)> RunHungTeardownAsync(TimeSpan budget)
    {
        var gate = new Gate();
        var clock = new FakeTimeProvider();
        await using var worker = Workers.Create(
            deps =>
            {
                deps.Add(CancellationDependencies.Guard).Add(CancellationDependencies.Hang);
                deps.TeardownTimeout = budget;
            },
            out var journal,
            out _,
            s => s.AddSingleton(gate).AddSingleton<TimeProvider>(clock));

        var result = await clock.AdvanceUntilDoneAsync(
            worker.InvokeAsync(Method<CancellationFunctions>(nameof(CancellationFunctions.Hangs)), TriggerInput.Queue("m")),
            budget);
        gate.Released.SetResult();
        return (result, journal);
    }
}
