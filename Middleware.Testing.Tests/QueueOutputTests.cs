namespace YieldDeps.Testing.Tests;

/// <summary>
/// What a function enqueued, awaited from the test, and its delivery to the function reading the queue with the
/// host's retries and poison queue: Split writes each word of a sentence to "words", which Reverse reads.
/// </summary>
public sealed class QueueOutputTests : IClassFixture<PlainAppFactory>
{
    private readonly PlainAppFactory _factory;

    public QueueOutputTests(PlainAppFactory factory)
    {
        _factory = factory;
    }

    [Fact]
    public async Task AMessageAFunctionEnqueued_CanBeAwaited_AndIsDeliveredToTheFunctionReadingItsQueue()
    {
        var split = await _factory.InvokeAsync("Split", "stressed lived");

        var message = await _factory.WaitForQueueMessageAsync("words", message => message.Body == "stressed");
        var reversed = await message.Processed.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(split.Succeeded, split.Error);
        Assert.Equal("words", message.Queue);
        Assert.Equal("Split", message.EnqueuedBy);
        Assert.Equal("Reverse", message.ProcessedBy);
        Assert.True(reversed!.Succeeded, reversed.Error);
        Assert.Equal("desserts", reversed.ReturnValue);
        Assert.Contains(_factory.GetQueueMessages("WORDS"), other => other.Body == "lived");
    }

    [Fact]
    public async Task ADeliveredMessageThatFails_IsRetriedUpToMaxDequeueCountThenPoisoned()
    {
        await _factory.InvokeAsync("Split", "good bad");

        var message = await _factory.WaitForQueueMessageAsync("words", message => message.Body == "bad");
        var reversed = await message.Processed.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.False(reversed!.Succeeded);
        Assert.Equal(3, reversed.Attempts);
        Assert.Equal("words-poison", reversed.PoisonQueue);
        Assert.Contains("Cannot reverse 'bad'.", reversed.Error);
    }

    [Fact]
    public async Task AFailedInvocation_EnqueuesNothing()
    {
        var split = await _factory.InvokeAsync("Split", "never written!");

        Assert.False(split.Succeeded);
        Assert.DoesNotContain(_factory.GetQueueMessages("words"), message => message.Body == "never");
    }

    [Fact]
    public async Task AWaitThatNothingAnswers_TimesOutNamingWhatTheQueueHolds()
    {
        await _factory.InvokeAsync("Split", "held");

        var error = await Assert.ThrowsAsync<TimeoutException>(() =>
            _factory.WaitForQueueMessageAsync("words", message => message.Body == "absent", TimeSpan.FromMilliseconds(200)));

        Assert.Contains("queue 'words'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'held' from Split", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WaitingOnAQueueNoFunctionWritesTo_IsAnErrorNamingTheQueuesTheyWriteTo()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => _factory.WaitForQueueMessageAsync("sentences"));

        Assert.Contains("'sentences'", error.Message, StringComparison.Ordinal);
        Assert.Contains("write to: words", error.Message, StringComparison.Ordinal);
    }
}
