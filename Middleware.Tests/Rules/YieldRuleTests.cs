using Microsoft.Extensions.DependencyInjection;
using YieldDeps.Testing;
using YieldDeps.Tests.Fixtures;
using static YieldDeps.Tests.Fixtures.FunctionMethods;

namespace YieldDeps.Tests.Rules;

/// <summary>SEMANTICS section 2: the yield rule.</summary>
public sealed class YieldRuleTests
{
    [Fact]
    public async Task CodeBeforeYield_RunsBeforeBody_AndYieldedValueIsWhatTheFunctionReceives()
    {
        await using var worker = Workers.Chain(out var journal, out _);

        var result = await worker.InvokeAsync(Method<ChainFunctions>(nameof(ChainFunctions.Queue)), TriggerInput.Queue("m"));

        result.EnsureSucceeded();
        Assert.Equal(["setup A", "setup B", "setup C", "body m c-open=True b-open=True a-open=True"], journal.Entries.Take(4));
    }

    [Fact]
    public async Task FunctionSucceeded_IteratorIsResumed_CodeAfterYieldThenFinallyRuns()
    {
        await using var worker = Workers.Chain(out var journal, out _);

        (await worker.InvokeAsync(Method<ChainFunctions>(nameof(ChainFunctions.Queue)), TriggerInput.Queue("m"))).EnsureSucceeded();

        Assert.Equal(
            ["resume C", "finally C Succeeded - sub-open", "resume B", "finally B Succeeded - sub-open", "resume A", "finally A Succeeded -"],
            journal.Entries.Skip(4));
    }

    [Fact]
    public async Task FunctionFailed_IteratorIsNotResumed_OnlyFinallyRuns_AndSeesTheException()
    {
        await using var worker = Workers.Chain(out var journal, out var faults);
        faults.BodyFails = true;

        var result = await worker.InvokeAsync(Method<ChainFunctions>(nameof(ChainFunctions.Queue)), TriggerInput.Queue("m"));

        Assert.IsType<BodyFailedException>(result.Exception);
        Assert.Empty(journal.StartingWith("resume"));
        Assert.Equal(
            ["finally C Faulted BodyFailedException sub-open", "finally B Faulted BodyFailedException sub-open", "finally A Faulted BodyFailedException"],
            journal.StartingWith("finally"));
    }

    [Fact]
    public async Task AwaitUsingTransaction_CommitsOnSuccess_RollsBackOnFailure_InRealSqlite()
    {
        using var database = new SqliteTestDatabase();
        await using var worker = Workers.Create(deps => deps.Add(SqliteSession.Open), out _, out var faults, s => s.AddSingleton(database));

        (await worker.InvokeAsync(Method<SqliteFunctions>(nameof(SqliteFunctions.Insert)), TriggerInput.Queue("committed"))).EnsureSucceeded();
        faults.BodyFails = true;
        var failed = await worker.InvokeAsync(Method<SqliteFunctions>(nameof(SqliteFunctions.Insert)), TriggerInput.Queue("rolled-back"));

        Assert.IsType<BodyFailedException>(failed.Exception);
        Assert.Equal(["committed"], database.Notes());
    }

    [Fact]
    public async Task SyncIterator_FollowsTheSameResumeOrDisposeRule()
    {
        await using var worker = Workers.Create(deps => deps.Add(SyncDependencies.Counter), out var journal, out var faults);

        (await worker.InvokeAsync(Method<SyncFunctions>(nameof(SyncFunctions.Run)), TriggerInput.Queue("ok"))).EnsureSucceeded();
        faults.BodyFails = true;
        var failed = await worker.InvokeAsync(Method<SyncFunctions>(nameof(SyncFunctions.Run)), TriggerInput.Queue("fail"));

        Assert.IsType<BodyFailedException>(failed.Exception);
        Assert.Equal(
            ["sync setup", "body ok 1", "sync resume", "sync finally Succeeded", "sync setup", "body fail 1", "sync finally Faulted"],
            journal.Entries);
    }

    [Fact]
    public async Task Outcome_SaysSucceededFaultedOrCancelled()
    {
        await using var worker = Workers.Create(deps => deps.Add(OutcomeProbe.Watch), out var journal, out var faults);
        var method = Method<OutcomeFunctions>(nameof(OutcomeFunctions.Run));

        await worker.InvokeAsync(method, TriggerInput.Queue("ok"));
        faults.BodyFails = true;
        await worker.InvokeAsync(method, TriggerInput.Queue("fail"));
        faults.BodyFails = false;
        using var cancelled = new CancellationTokenSource();
        faults.CancelDuringBody = cancelled;
        var result = await worker.InvokeAsync(method, TriggerInput.Queue("cancel"), cancelled.Token);

        Assert.Equal(
            ["outcome Succeeded -", "outcome Faulted BodyFailedException", "outcome Cancelled OperationCanceledException"],
            journal.StartingWith("outcome"));
        Assert.IsAssignableFrom<OperationCanceledException>(result.Exception);
    }

    [Fact]
    public async Task DidNotYield_IsAnErrorNamingTheDependency_AndTheOthersAreTornDown()
    {
        await using var worker = Workers.Chain(out var journal, out _, deps => deps.Add(BrokenDependencies.NeverYields));

        var result = await worker.InvokeAsync(Method<BrokenFunctions>(nameof(BrokenFunctions.NeverYields)), TriggerInput.Queue("m"));

        var error = Assert.IsType<DependencyYieldException>(result.Exception);
        Assert.Equal("BrokenDependencies.NeverYields", error.DependencyName);
        Assert.Contains("did not yield", error.Message, StringComparison.Ordinal);
        Assert.Empty(journal.StartingWith("body"));
        Assert.Equal(3, journal.StartingWith("finally").Count);
    }

    [Fact]
    public async Task YieldedTwice_IsAnErrorNamingTheDependency_TheInvocationFails_AndTheOthersAreTornDown()
    {
        await using var worker = Workers.Chain(out var journal, out _, deps => deps.Add(BrokenDependencies.YieldsTwice));

        var result = await worker.InvokeAsync(Method<BrokenFunctions>(nameof(BrokenFunctions.YieldsTwice)), TriggerInput.Queue("m"));

        var error = Assert.IsType<DependencyYieldException>(result.Exception);
        Assert.Equal("BrokenDependencies.YieldsTwice", error.DependencyName);
        Assert.Contains("yielded more than once", error.Message, StringComparison.Ordinal);
        Assert.Contains("twice finally", journal.Entries);

        // The second yield counts as a failed teardown with nothing in flight: the chain sees it and rolls back.
        Assert.Equal(
            ["finally C Faulted DependencyYieldException sub-open", "finally B Faulted DependencyYieldException sub-open", "finally A Faulted DependencyYieldException"],
            journal.StartingWith("finally"));
    }

    [Fact]
    public async Task FailWhen_AppWide_CountsAProducedResultAsFailure_DependenciesRollBack_ResponseStillSent()
    {
        await using var worker = Workers.Create(
            deps =>
            {
                deps.Add(OutcomeProbe.Watch);
                deps.FailWhen = outcome => outcome.HttpStatus >= 500;
            },
            out var journal,
            out _);

        var ok = await worker.InvokeAsync(Method<OutcomeFunctions>(nameof(OutcomeFunctions.Status)), TriggerInput.Http("GET", "http://localhost/api/status?code=200"));
        var unavailable = await worker.InvokeAsync(Method<OutcomeFunctions>(nameof(OutcomeFunctions.Status)), TriggerInput.Http("GET", "http://localhost/api/status?code=503"));

        Assert.Equal(200, (int)ok.HttpResponse!.StatusCode);
        Assert.Equal(503, (int)unavailable.HttpResponse!.StatusCode);
        Assert.Equal("status body", unavailable.HttpResponse.Body);
        Assert.Null(unavailable.Exception);
        Assert.Equal(["outcome Succeeded - 200", "outcome Faulted ResultCountedAsFailureException 503"], journal.StartingWith("outcome"));
    }

    [Fact]
    public async Task FailWhen_PerRegistration_DisposesOnlyThatDependency()
    {
        await using var worker = Workers.Create(
            deps =>
            {
                deps.Add(OutcomeProbe.Watch);
                deps.Add(OutcomeProbe.Strict, o => o.FailWhen = outcome => outcome.HttpStatus >= 400);
            },
            out var journal,
            out _);

        var result = await worker.InvokeAsync(Method<OutcomeFunctions>(nameof(OutcomeFunctions.StrictStatus)), TriggerInput.Http("GET", "http://localhost/api/status?code=404"));

        Assert.Equal(404, (int)result.HttpResponse!.StatusCode);
        Assert.Equal(["strict disposed", "outcome Succeeded - 404"], journal.Entries.Where(e => e.StartsWith("strict", StringComparison.Ordinal) || e.StartsWith("outcome", StringComparison.Ordinal)));
    }
}
