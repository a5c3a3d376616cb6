using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using YieldDeps.Testing;
using YieldDeps.Tests.Fixtures;
using static YieldDeps.Tests.Fixtures.FunctionMethods;

namespace YieldDeps.Tests.Rules;

/// <summary>SEMANTICS section 4: failures.</summary>
public sealed class FailureTests
{
    private static readonly string[] Names = ["A", "B", "C"];

    [Theory]
    [InlineData("A")]
    [InlineData("B")]
    [InlineData("C")]
    public async Task SetupFails_LaterDependenciesAndBodyDoNotRun_FailingOneGetsNoResumeButItsFinally_EnteredOnesTornDownSeeingIt(string failing)
    {
        await using var worker = Workers.Chain(out var journal, out var faults);
        faults.SetupFailsAt = failing;

        var result = await worker.InvokeAsync(Method<ChainFunctions>(nameof(ChainFunctions.Queue)), TriggerInput.Queue("m"));

        Assert.IsType<SetupFailedException>(result.Exception);
        var position = Array.IndexOf(Names, failing);
        Assert.Equal(Names.Take(position + 1).Select(n => $"setup {n}"), journal.StartingWith("setup"));
        Assert.Empty(journal.StartingWith("body"));
        Assert.Empty(journal.StartingWith("resume"));

        // The failing one's own finally runs while its setup throws (the outcome is not known yet); then the entered
        // ones are torn down last-first, each seeing the setup exception.
        var expected = new List<string> { $"finally {failing} Pending -{(position > 0 ? " sub-open" : string.Empty)}" };
        for (var i = position - 1; i >= 0; i--)
        {
            expected.Add($"finally {Names[i]} Faulted SetupFailedException{(i > 0 ? " sub-open" : string.Empty)}");
        }

        Assert.Equal(expected, journal.StartingWith("finally"));
    }

    [Fact]
    public async Task FunctionFails_AllDependenciesTornDownLastFirst_SeeingTheException()
    {
        await using var worker = Workers.Chain(out var journal, out var faults);
        faults.BodyFails = true;

        var result = await worker.InvokeAsync(Method<ChainFunctions>(nameof(ChainFunctions.Queue)), TriggerInput.Queue("m"));

        Assert.IsType<BodyFailedException>(result.Exception);
        Assert.Equal(
            ["finally C Faulted BodyFailedException sub-open", "finally B Faulted BodyFailedException sub-open", "finally A Faulted BodyFailedException"],
            journal.StartingWith("finally"));
    }

    [Theory]
    [InlineData("A")]
    [InlineData("B")]
    [InlineData("C")]
    public async Task TeardownFails_NothingInFlight_RemainingTeardownsStillRun_ItBecomesTheFailure_OuterOnesRollBack(string failing)
    {
        await using var worker = Workers.Chain(out var journal, out var faults);
        faults.CommitFailsAt = failing;

        var result = await worker.InvokeAsync(Method<ChainFunctions>(nameof(ChainFunctions.Queue)), TriggerInput.Queue("m"));

        var error = Assert.IsType<CommitFailedException>(result.Exception);
        Assert.Contains(failing, error.Message, StringComparison.Ordinal);
        var position = Array.IndexOf(Names, failing);
        var expected = new List<string>();
        for (var i = 2; i >= 0; i--)
        {
            // The failing one's finally runs while its commit throws; the outer ones then see the commit failure.
            var status = i >= position ? "Succeeded -" : "Faulted CommitFailedException";
            expected.Add($"finally {Names[i]} {status}{(i > 0 ? " sub-open" : string.Empty)}");
        }

        Assert.Equal(expected, journal.StartingWith("finally"));
        Assert.Equal(Names.Skip(position).Reverse().Select(n => $"resume {n}"), journal.StartingWith("resume"));
    }

    [Theory]
    [InlineData("A")]
    [InlineData("B")]
    [InlineData("C")]
    public async Task TeardownFails_WithExceptionInFlight_RootCauseStaysPrimary_CleanupFailureAttachedAndLogged(string failing)
    {
        var logs = new LogCapture();
        await using var worker = Workers.Create(Chain.Register, out var journal, out var faults, s => s.AddLogging(b => b.AddProvider(logs)));
        faults.BodyFails = true;
        faults.RollbackFailsAt = failing;

        var result = await worker.InvokeAsync(Method<ChainFunctions>(nameof(ChainFunctions.Queue)), TriggerInput.Queue("m"));

        var root = Assert.IsType<BodyFailedException>(result.Exception);
        Assert.Contains(nameof(ChainFunctions.Queue), root.StackTrace, StringComparison.Ordinal);
        var attached = Assert.Single(root.GetCleanupFailures());
        Assert.Equal($"Chain.Enter{failing}", attached.DependencyName);
        Assert.Equal(TeardownPhase.Dispose, attached.Phase);
        Assert.IsType<RollbackFailedException>(attached.InnerException);

        // Every teardown still ran, all seeing the root cause.
        Assert.Equal(3, journal.StartingWith("finally").Count);
        Assert.All(journal.StartingWith("finally"), e => Assert.Contains("Faulted BodyFailedException", e, StringComparison.Ordinal));

        var logged = Assert.Single(logs.Entries, e => e.EventId == 4);
        Assert.Equal("YieldDeps", logged.Category);
        Assert.Contains($"'Chain.Enter{failing}'", logged.Message, StringComparison.Ordinal);
        Assert.Contains("Dispose", logged.Message, StringComparison.Ordinal);
        Assert.IsType<RollbackFailedException>(logged.Exception);
    }

    [Fact]
    public async Task TeardownFailure_IsReachableFromTheOutcomeToo()
    {
        await using var worker = Workers.Create(
            deps => { Chain.Register(deps); deps.Add(InvocationOutcomeHolder.Hold); },
            out _,
            out var faults,
            s => s.AddSingleton<OutcomeRecorder>());
        faults.BodyFails = true;
        faults.RollbackFailsAt = "B";

        var result = await worker.InvokeAsync(Method<OutcomeRecordingFunctions>(nameof(OutcomeRecordingFunctions.Run)), TriggerInput.Queue("m"));

        var recorder = worker.Services.GetRequiredService<OutcomeRecorder>();
        var failure = Assert.Single(recorder.Outcome!.CleanupFailures);
        Assert.Equal("Chain.EnterB", failure.DependencyName);
        Assert.Same(result.Exception, recorder.Outcome.Exception);
    }

    [Fact]
    public async Task DeliberateReplacement_AnExceptionWrappingTheOneInFlight_ReplacesIt()
    {
        await using var worker = Workers.Create(deps => deps.Add(Replacing.Wrap), out var journal, out var faults);
        faults.BodyFails = true;

        var result = await worker.InvokeAsync(Method<ReplacingFunctions>(nameof(ReplacingFunctions.Wrapped)), TriggerInput.Queue("m"));

        var replacement = Assert.IsType<WrappedFailureException>(result.Exception);
        Assert.IsType<BodyFailedException>(replacement.InnerException);
        Assert.Empty(replacement.GetCleanupFailures());
    }

    [Fact]
    public async Task DeliberateReplacement_HttpProblem409_BecomesTheResponse()
    {
        await using var worker = Workers.Create(deps => deps.Add(Replacing.Conflict), out _, out var faults);
        faults.BodyFails = true;

        var result = await worker.InvokeAsync(Method<ReplacingFunctions>(nameof(ReplacingFunctions.Conflicted)), TriggerInput.Http("POST", "http://localhost/api/things"));

        Assert.Null(result.Exception);
        Assert.Equal(409, (int)result.HttpResponse!.StatusCode);
        Assert.Contains("\"detail\":\"The row changed underneath you.\"", result.HttpResponse.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AccidentalReplacement_OfADifferentType_DoesNotMaskTheRootCause()
    {
        await using var worker = Workers.Create(deps => deps.Add(Replacing.Accident), out _, out var faults);
        faults.BodyFails = true;

        var result = await worker.InvokeAsync(Method<ReplacingFunctions>(nameof(ReplacingFunctions.Accidental)), TriggerInput.Queue("m"));

        var root = Assert.IsType<BodyFailedException>(result.Exception);
        Assert.IsType<InvalidOperationException>(Assert.Single(root.GetCleanupFailures()).InnerException);
    }

    [Fact]
    public async Task ReflectionExecutorAggregateException_IsUnwrapped_ForDependenciesAndTheCaller()
    {
        await using var worker = Workers.Chain(out var journal, out var faults);
        faults.BodyFails = true;

        var result = await worker.InvokeAsync(Method<ChainFunctions>(nameof(ChainFunctions.QueueAsync)), TriggerInput.Queue("m"));

        Assert.IsType<BodyFailedException>(result.Exception);
        Assert.All(journal.StartingWith("finally"), e => Assert.Contains("BodyFailedException", e, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReflectionExecutorAggregateException_IsUnwrapped_EvenWithoutDependencies()
    {
        await using var worker = Workers.Create(_ => { }, out _, out var faults);
        faults.BodyFails = true;

        var result = await worker.InvokeAsync(Method<PlainFunctions>(nameof(PlainFunctions.FailAsync)), TriggerInput.Queue("m"));

        Assert.IsType<BodyFailedException>(result.Exception);
    }

    [Fact]
    public async Task FailedCommit_FailsTheInvocation_NoHttpSuccessIsSent()
    {
        await using var worker = Workers.Chain(out _, out var faults);
        faults.CommitFailsAt = "A";

        var result = await worker.InvokeAsync(Method<ChainFunctions>(nameof(ChainFunctions.Http)), TriggerInput.Http("POST", "http://localhost/api/chain"));

        Assert.Equal(500, (int)result.HttpResponse!.StatusCode);
        Assert.DoesNotContain("created", result.HttpResponse.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FailedCommit_OnAQueueTrigger_ReachesTheHost_AndNoOutputBindingIsEmitted()
    {
        await using var worker = Workers.Chain(out _, out var faults);
        faults.CommitFailsAt = "A";

        var result = await worker.InvokeAsync(Method<OutputFunctions>(nameof(OutputFunctions.Forward)), TriggerInput.Queue("m"));

        Assert.IsType<CommitFailedException>(result.Exception);
        Assert.All(result.OutputBindings.Values, Assert.Null);
    }

    [Fact]
    public async Task ADependency_CannotSilentlySwallowTheException()
    {
        await using var worker = Workers.Create(deps => deps.AddClass<SwallowingDependency>(), out _, out var faults);
        faults.BodyFails = true;

        var result = await worker.InvokeAsync(Method<ReplacingFunctions>(nameof(ReplacingFunctions.Swallowed)), TriggerInput.Queue("m"));

        Assert.IsType<BodyFailedException>(result.Exception);
    }
}
