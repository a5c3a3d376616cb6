using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using YieldDeps.Testing;
using YieldDeps.Tests.Fixtures;
using static YieldDeps.Tests.Fixtures.FunctionMethods;

namespace YieldDeps.Tests.Rules;

/// <summary>The corners of sections 2, 4, 7 and 10: broken rules, late token reads, rethrows, failed problem writes.</summary>
public sealed class EdgeCaseTests
{
    [Fact]
    public async Task FailWhenRuleThatThrows_DoesNotSkipTeardown_ItBecomesTheFailure()
    {
        await using var worker = Workers.Chain(out var journal, out _, deps => deps.FailWhen = _ => throw new InvalidOperationException("broken rule"));

        var result = await worker.InvokeAsync(Method<ChainFunctions>(nameof(ChainFunctions.Queue)), TriggerInput.Queue("m"));

        Assert.Equal("broken rule", Assert.IsType<InvalidOperationException>(result.Exception).Message);
        Assert.Equal(3, journal.StartingWith("finally").Count);
        Assert.Empty(journal.StartingWith("resume"));
    }

    [Fact]
    public async Task PerRegistrationFailWhen_TheDependencySeesAFaultedOutcome_OthersSeeSuccess()
    {
        await using var worker = Workers.Create(
            deps =>
            {
                deps.Add(OutcomeProbe.Watch, o => o.FailWhen = _ => true);
                Chain.Register(deps);
            },
            out var journal,
            out _);

        (await worker.InvokeAsync(Method<EdgeFunctions>(nameof(EdgeFunctions.Watches)), TriggerInput.Queue("m"))).EnsureSucceeded();

        Assert.Equal(["outcome Faulted ResultCountedAsFailureException"], journal.StartingWith("outcome"));
    }

    [Fact]
    public async Task TeardownToken_ReadAfterTheFirstAwait_StillFiresAtTheDeadline()
    {
        var clock = new FakeTimeProvider();
        await using var worker = Workers.Create(
            deps =>
            {
                deps.Add(EdgeDependencies.SlowTeardown);
                deps.TeardownTimeout = TimeSpan.FromMilliseconds(300);
            },
            out var journal,
            out _,
            s => s.AddSingleton<TimeProvider>(clock));

        var invocation = worker.InvokeAsync(Method<EdgeFunctions>(nameof(EdgeFunctions.Slow)), TriggerInput.Queue("m"));
        // The clock moves only once the teardown has read its token, past its first await.
        await WaitUntilAsync(() => journal.Entries.Contains("teardown token read"));
        await clock.AdvanceUntilDoneAsync(invocation, TimeSpan.FromMilliseconds(300));

        await WaitUntilAsync(() => journal.Entries.Contains("teardown token fired"));
    }

    [Fact]
    public async Task DisposeValue_StillRuns_WhenTheExitStepThrows()
    {
        await using var worker = Workers.Create(
            deps => deps.AddClass<ExitFailsDependency>(o => o.DisposeValue = true),
            out _,
            out _,
            s => s.AddSingleton<HandleHolder>());

        var result = await worker.InvokeAsync(Method<EdgeFunctions>(nameof(EdgeFunctions.UsesHandle)), TriggerInput.Queue("m"));

        Assert.Equal("exit failed", Assert.IsType<InvalidOperationException>(result.Exception).Message);
        Assert.True(worker.Services.GetRequiredService<HandleHolder>().Handle!.Disposed);
    }

    [Fact]
    public async Task TeardownThatRethrowsTheExceptionInFlight_IsNotACleanupFailure()
    {
        await using var worker = Workers.Create(deps => deps.Add(EdgeDependencies.Rethrow), out _, out var faults);
        faults.BodyFails = true;

        var result = await worker.InvokeAsync(Method<EdgeFunctions>(nameof(EdgeFunctions.Rethrown)), TriggerInput.Queue("m"));

        var root = Assert.IsType<BodyFailedException>(result.Exception);
        Assert.Empty(root.GetCleanupFailures());
    }

    [Fact]
    public async Task ContextLookup_DoesNotSeeADependencyBeforeItIsSetUp()
    {
        await using var worker = Workers.Create(deps => deps.Add(EdgeDependencies.Early).Add(EdgeDependencies.Late), out var journal, out _);

        (await worker.InvokeAsync(Method<EdgeFunctions>(nameof(EdgeFunctions.Ordered)), TriggerInput.Queue("m"))).EnsureSucceeded();

        Assert.Contains("late visible during early setup=False", journal.Entries);
    }

    [Fact]
    public async Task FailWhen_DropsTheOtherOutputs_WhileTheHttpResponseStands()
    {
        await using var worker = Workers.Create(
            deps =>
            {
                deps.Add(OutcomeProbe.Watch);
                deps.FailWhen = outcome => outcome.HttpStatus >= 500;
            },
            out _,
            out _);

        var result = await worker.InvokeAsync(Method<EdgeFunctions>(nameof(EdgeFunctions.Unavailable)), TriggerInput.Http("POST", "http://localhost/api/unavailable"));

        Assert.Equal(503, (int)result.HttpResponse!.StatusCode);
        Assert.Equal("busy", result.HttpResponse.Body);
        Assert.Null(result.OutputBindings["Message"]);
    }

    [Fact]
    public async Task ProblemThatCannotBeWritten_FallsBackToAPlainProblemWithItsStatus_AndIsLogged()
    {
        var logs = new LogCapture();
        await using var worker = Workers.Create(_ => { }, out _, out _, s => s.AddLogging(b => b.AddProvider(logs)));

        var result = await worker.InvokeAsync(Method<EdgeFunctions>(nameof(EdgeFunctions.Unserializable)), TriggerInput.Http("GET", "http://localhost/api/teapot"));

        Assert.Null(result.Exception);
        Assert.Equal(418, (int)result.HttpResponse!.StatusCode);
        using var problem = JsonDocument.Parse(result.HttpResponse.Body);
        Assert.Equal("teapot", problem.RootElement.GetProperty("detail").GetString());
        Assert.False(problem.RootElement.TryGetProperty("broken", out _));
        Assert.Contains(logs.Entries, e => e.EventId == 9);
    }

    [Fact]
    public async Task PlanThatCannotBeBuiltAtRunTime_OnAnHttpTrigger_IsAProblemResponse_NotAnEmptySuccess()
    {
        // Startup checks left this function out (its assembly is not scanned), so its plan fails on the first call.
        await using var worker = Workers.Chain(out _, out _);

        var result = await worker.InvokeAsync(Method<ValidationFunctions>(nameof(ValidationFunctions.HttpDeclaresUnregistered)), TriggerInput.Http("GET", "http://localhost/api/v"));

        Assert.Equal(500, (int)result.HttpResponse!.StatusCode);
        Assert.Equal("application/problem+json; charset=utf-8", result.HttpResponse.Header("Content-Type"));
    }

    [Fact]
    public async Task Registry_IsFrozenOnceTheHostBuiltItsCatalogue()
    {
        DependencyRegistry? captured = null;
        await using var worker = Workers.Create(deps => captured = deps, out _, out _);
        await worker.StartAsync();

        var error = Assert.Throws<InvalidOperationException>(() => captured!.Add(EdgeDependencies.Late));

        Assert.Contains("IDependencyOverrides", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClassDependency_CanBeKeyedByAnInterface()
    {
        await using var worker = Workers.Create(deps => deps.AddClass<IClock, ClockDependency>(), out var journal, out _);

        (await worker.InvokeAsync(Method<EdgeFunctions>(nameof(EdgeFunctions.Clock)), TriggerInput.Queue("m"))).EnsureSucceeded();

        Assert.Equal(["clock 2026-01-02"], journal.Entries);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!condition())
        {
            await Task.Delay(20, timeout.Token);
        }
    }
}
