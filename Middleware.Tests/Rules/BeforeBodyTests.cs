using YieldDeps.Testing;
using YieldDeps.Tests.Fixtures;
using static YieldDeps.Tests.Fixtures.FunctionMethods;

namespace YieldDeps.Tests.Rules;

/// <summary>
/// <see cref="InvocationOutcome.RunBeforeBody"/>: what its action sets in the execution context reaches the body and
/// the teardowns; what a setup sets itself does not.
/// </summary>
public sealed class BeforeBodyTests
{
    [Fact]
    public async Task AnActionRunBeforeTheBody_SetsAsyncLocalsTheBodyAndTheTeardownSee()
    {
        await using var worker = Workers.Create(deps => deps.Add(BeforeBodyFixtures.Open), out var journal, out _);

        var result = await worker.InvokeAsync(Method<BeforeBodyFunctions>(nameof(BeforeBodyFunctions.Run)), TriggerInput.Queue("m"));

        Assert.Null(result.Exception);
        Assert.Equal(["body sees - / before body", "teardown sees - / before body"], journal.Entries);
    }

    [Fact]
    public void AnActionRegisteredOnceTheBodyStarted_IsRefused()
    {
        var outcome = TestOutcomes.Succeeded();
        outcome.EnterBody();

        Assert.Throws<InvalidOperationException>(() => outcome.RunBeforeBody(() => { }));
    }
}
