using Microsoft.Extensions.DependencyInjection;
using YieldDeps.Testing;
using YieldDeps.Tests.Fixtures;

namespace YieldDeps.Tests.Testing;

/// <summary>The test kit's first use: one dependency alone, finished as the test says the function ended.</summary>
public sealed class DependencyRunTests
{
    private static Task<DependencyRun<NotesSession>> StartSessionAsync(SqliteTestDatabase database, CancellationToken cancellationToken = default) =>
        DependencyRun.StartAsync<NotesSession>(deps => deps.Add(SqliteSession.Open), o => o.Services.AddSingleton(database), cancellationToken);

    [Fact]
    public async Task Succeed_ResumesTheIterator_AndTheInsertIsCommitted()
    {
        using var database = new SqliteTestDatabase();
        await using var run = await StartSessionAsync(database);
        await run.Value.AddAsync("kept");

        var result = await run.SucceedAsync();

        Assert.Equal(OutcomeStatus.Succeeded, result.Status);
        Assert.Null(result.Exception);
        Assert.Equal(["kept"], database.Notes());
    }

    [Fact]
    public async Task Fail_DisposesTheIterator_AndTheInsertIsRolledBack()
    {
        using var database = new SqliteTestDatabase();
        await using var run = await StartSessionAsync(database);
        await run.Value.AddAsync("dropped");
        var failure = new BodyFailedException();

        var result = await run.FailAsync(failure);

        Assert.Equal(OutcomeStatus.Faulted, result.Status);
        Assert.Same(failure, result.Exception);
        Assert.Empty(database.Notes());
    }

    [Fact]
    public async Task Cancel_FiresTheInvocationsToken_TheOutcomeIsCancelled_AndTheInsertIsRolledBack()
    {
        using var database = new SqliteTestDatabase();
        await using var run = await StartSessionAsync(database);
        await run.Value.AddAsync("dropped");

        var result = await run.CancelAsync();

        Assert.Equal(OutcomeStatus.Cancelled, result.Status);
        Assert.IsAssignableFrom<OperationCanceledException>(result.Exception);
        Assert.Empty(database.Notes());
    }

    [Fact]
    public async Task AnUnfinishedRun_IsFinishedAsCancelled_WhenDisposed()
    {
        using var database = new SqliteTestDatabase();
        var run = await StartSessionAsync(database);
        await run.Value.AddAsync("dropped");

        await run.DisposeAsync();

        Assert.Equal(OutcomeStatus.Cancelled, run.Outcome.Status);
        Assert.Empty(database.Notes());
    }

    [Fact]
    public async Task SucceedWithAStatus_ThatAFailWhenRuleCountsAsAFailure_RollsBack()
    {
        var journal = new Journal();
        await using var run = await DependencyRun.StartAsync<StrictResource>(
            deps =>
            {
                deps.Add(OutcomeProbe.Strict);
                deps.FailWhen = outcome => outcome.HttpStatus >= 500;
            },
            o => o.Services.AddSingleton(journal));

        var result = await run.SucceedAsync(httpStatus: 503);

        Assert.IsType<ResultCountedAsFailureException>(result.Exception);
        Assert.Equal(["strict disposed"], journal.Entries);
    }

    [Fact]
    public async Task SubDependenciesAreSetUpFirst_AndTornDownLast_AndACleanupFailureIsReported()
    {
        var journal = new Journal();
        var faults = new Faults { RollbackFailsAt = "A" };
        await using var run = await DependencyRun.StartAsync<C>(Chain.Register, o => o.Services.AddSingleton(journal).AddSingleton(faults));
        Assert.Same(run.Value.B, run.Value.B);

        var result = await run.FailAsync(new BodyFailedException());

        Assert.Equal(["setup A", "setup B", "setup C"], journal.StartingWith("setup"));
        Assert.IsType<BodyFailedException>(result.Exception);
        var cleanup = Assert.Single(result.CleanupFailures);
        Assert.Equal("Chain.EnterA", cleanup.DependencyName);
    }

    [Fact]
    public async Task YieldContractErrors_AreReported_AtSetupForNoYield_AndAtTeardownForASecondYield()
    {
        var journal = new Journal();
        await Assert.ThrowsAsync<DependencyYieldException>(() => DependencyRun.StartAsync<Never>(deps => deps.Add(BrokenDependencies.NeverYields)));
        await using var twice = await DependencyRun.StartAsync<Twice>(deps => deps.Add(BrokenDependencies.YieldsTwice), o => o.Services.AddSingleton(journal));

        var result = await twice.SucceedAsync();

        Assert.Contains("yielded more than once", Assert.IsType<DependencyYieldException>(result.Exception).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ValuesHeadersAndContextValues_ReachTheDependency()
    {
        await using var run = await DependencyRun.StartAsync<Tenant>(
            deps => deps.Add(TenantHeaders.Read),
            o =>
            {
                o.Headers["x-tenant"] = "acme";
                o.Headers["x-shard"] = "4";
            });

        Assert.Equal(new Tenant("acme", 4, null), run.Value);
    }

    [Fact]
    public async Task AMissingRequiredHeader_FailsSetup_WithThe400TheFunctionWouldAnswer()
    {
        var error = await Assert.ThrowsAsync<HttpProblemException>(() => DependencyRun.StartAsync<Tenant>(deps => deps.Add(TenantHeaders.Read)));

        Assert.Equal(400, error.Status);
        Assert.Equal("The header 'x-tenant' is required.", error.Detail);
    }

    [Fact]
    public async Task ARegistrationThatCannotWork_FailsWithTheStartupMessage()
    {
        var error = await Assert.ThrowsAsync<DependencyRegistrationException>(() => DependencyRun.StartAsync<NeedsOpaque>(deps => deps.Add(InvalidDependencies.NeedOpaque)));

        Assert.Contains("parameter 'opaque' of type Opaque that cannot be resolved", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AClassStyleDependency_ExitsWithTheExceptionItWasFinishedWith()
    {
        var journal = new Journal();
        await using var run = await DependencyRun.StartAsync<B>(deps => deps.AddClass<FakeBDependency>(), o => o.Services.AddSingleton(journal));

        var result = await run.FailAsync(new BodyFailedException());

        Assert.Equal(["enter class B", "exit class B"], journal.Entries);
        Assert.IsType<BodyFailedException>(result.Exception);
    }

    [Fact]
    public async Task APlainDependency_HandsItsValueOver_AndDisposesItWhenAskedTo()
    {
        var resource = new DisposableProbe();
        await using var run = await DependencyRun.StartAsync<DisposableProbe>(deps => deps.Add(() => resource, o => o.DisposeValue = true));

        Assert.Same(resource, run.Value);
        await run.SucceedAsync();

        Assert.True(resource.Disposed);
    }

    public sealed class DisposableProbe : IDisposable
    {
        public bool Disposed { get; private set; }

        public void Dispose() => Disposed = true;
    }
}
