using YieldDeps.Testing;
using YieldDeps.Tests.Fixtures;

namespace YieldDeps.Tests.Testing;

/// <summary>The test kit's outcomes, for a test that drives a dependency's iterator by hand.</summary>
public sealed class TestOutcomesTests
{
    [Fact]
    public async Task ADependencyDrivenByHand_SeesTheOutcomeTheTestCreated()
    {
        var journal = new Journal();
        var outcome = TestOutcomes.Pending();
        var iterator = OutcomeProbe.Watch(journal, outcome).GetAsyncEnumerator();
        Assert.True(await iterator.MoveNextAsync());

        // What the engine does when the function threw: the outcome says so, then the iterator is disposed.
        var faulted = TestOutcomes.Faulted(new BodyFailedException(), httpStatus: 500);
        await iterator.DisposeAsync();
        var watchedPending = journal.Entries[^1];

        var second = OutcomeProbe.Watch(journal, faulted).GetAsyncEnumerator();
        Assert.True(await second.MoveNextAsync());
        await second.DisposeAsync();

        Assert.Equal("outcome Pending -", watchedPending);
        Assert.Equal("outcome Faulted BodyFailedException 500", journal.Entries[^1]);
        Assert.Equal(OutcomeStatus.Succeeded, TestOutcomes.Succeeded(201).Status);
        Assert.Equal(201, TestOutcomes.Succeeded(201).HttpStatus);
        Assert.True(TestOutcomes.Cancelled().IsFailure);
        Assert.IsAssignableFrom<OperationCanceledException>(TestOutcomes.Cancelled().Exception);
    }
}
