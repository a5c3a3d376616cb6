using Microsoft.Extensions.DependencyInjection;
using YieldDeps.Testing;
using YieldDeps.Tests.Fixtures;
using static YieldDeps.Tests.Fixtures.FunctionMethods;

namespace YieldDeps.Tests.Rules;

/// <summary>
/// SEMANTICS sections 4 and 10 as a matrix over a chain of three yield dependencies on one real SQLite transaction:
/// a fault at every position of setup, body and teardown, two teardowns failing, and cancellation during setup, the
/// body and teardown. Each case checks what the caller sees, the teardown order and what the database kept.
/// </summary>
public sealed class FaultMatrixTests
{
    private static readonly string[] Committed = ["step 2", "step 3", "body"];

    private static async Task<(FunctionTestResult Result, IReadOnlyList<string> Journal, IReadOnlyList<string> Rows)> RunAsync(Action<MatrixFaults> inject)
    {
        using var database = new SqliteTestDatabase();
        var faults = new MatrixFaults();
        inject(faults);
        using var invocation = new CancellationTokenSource();
        faults.Invocation = invocation;
        await using var worker = Workers.Create(FaultChain.Register, out var journal, out _, s => s.AddSingleton(database).AddSingleton(faults));

        var result = await worker.InvokeAsync(Method<FaultMatrixFunctions>(nameof(FaultMatrixFunctions.Run)), TriggerInput.Queue("m"), invocation.Token);
        return (result, journal.Entries, database.Notes());
    }

    [Fact]
    public async Task NoFault_EverythingIsResumedInReverse_AndCommitted()
    {
        var (result, journal, rows) = await RunAsync(_ => { });

        result.EnsureSucceeded();
        Assert.Equal(
            ["setup 1", "setup 2", "setup 3", "body", "resume 3", "finally 3 (Succeeded)", "resume 2", "finally 2 (Succeeded)", "commit 1", "finally 1 (Succeeded)"],
            journal);
        Assert.Equal(Committed, rows);
    }

    [Theory]
    [InlineData(1, new[] { "setup 1" })]
    [InlineData(2, new[] { "setup 1", "setup 2", "finally 1 (Faulted)" })]
    [InlineData(3, new[] { "setup 1", "setup 2", "setup 3", "finally 2 (Faulted)", "finally 1 (Faulted)" })]
    public async Task SetupFailing_AtEachPosition_StopsTheRest_AndRollsBackWhatWasEntered(int position, string[] expected)
    {
        var (result, journal, rows) = await RunAsync(f => f.SetupFailsAt = position);

        Assert.Equal($"setup of {position} failed", Assert.IsType<SetupFailedException>(result.Exception).Message);
        Assert.Equal(expected, journal);
        Assert.Empty(rows);
    }

    [Fact]
    public async Task TheBodyFailing_RollsEverythingBackInReverse_WithoutResuming()
    {
        var (result, journal, rows) = await RunAsync(f => f.BodyFails = true);

        Assert.IsType<BodyFailedException>(result.Exception);
        Assert.Equal(["setup 1", "setup 2", "setup 3", "body", "finally 3 (Faulted)", "finally 2 (Faulted)", "finally 1 (Faulted)"], journal);
        Assert.Empty(rows);
    }

    [Theory]
    [InlineData(3, new[] { "finally 3 (Succeeded)", "finally 2 (Faulted)", "finally 1 (Faulted)" })]
    [InlineData(2, new[] { "resume 3", "finally 3 (Succeeded)", "finally 2 (Succeeded)", "finally 1 (Faulted)" })]
    [InlineData(1, new[] { "resume 3", "finally 3 (Succeeded)", "resume 2", "finally 2 (Succeeded)", "finally 1 (Succeeded)" })]
    public async Task ATeardownFailing_AtEachPosition_FailsTheInvocation_AndTheOuterOnesRollBack(int position, string[] expectedTeardown)
    {
        // The failing dependency's own finally runs as its commit throws, before the outcome can say so; the
        // dependencies outside it see the failure.
        var (result, journal, rows) = await RunAsync(f => f.CommitFailsAt = position);

        Assert.Equal($"commit of {position} failed", Assert.IsType<CommitFailedException>(result.Exception).Message);
        Assert.Equal(expectedTeardown, journal.SkipWhile(e => e != "body").Skip(1));
        Assert.Empty(rows);
    }

    [Fact]
    public async Task TwoTeardownsFailing_TheFirstStaysPrimary_TheSecondIsAttached_AndEveryTeardownRuns()
    {
        var (result, journal, rows) = await RunAsync(f =>
        {
            f.CommitFailsAt = 3;
            f.RollbackFailsAt = 2;
        });

        var primary = Assert.IsType<CommitFailedException>(result.Exception);
        var attached = Assert.Single(primary.GetCleanupFailures());
        Assert.Equal("FaultChain.Second", attached.DependencyName);
        Assert.IsType<RollbackFailedException>(attached.InnerException);
        Assert.Equal(["finally 3 (Succeeded)", "finally 2 (Faulted)", "finally 1 (Faulted)"], journal.SkipWhile(e => e != "body").Skip(1));
        Assert.Empty(rows);
    }

    [Theory]
    [InlineData("setup 2")]
    [InlineData("body")]
    [InlineData("teardown 3")]
    public async Task Cancellation_DuringSetupTheBodyOrTeardown_StillRunsEveryTeardown_AndRollsBack(string where)
    {
        var (result, journal, rows) = await RunAsync(f => f.CancelAt = where);

        Assert.IsAssignableFrom<OperationCanceledException>(result.Exception);
        Assert.Contains("finally 1 (Cancelled)", journal);
        Assert.DoesNotContain("commit 1", journal);
        Assert.Empty(rows);
    }
}
