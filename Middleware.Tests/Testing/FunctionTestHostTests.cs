using YieldDeps.Testing;
using YieldDeps.Tests.Fixtures;
using static YieldDeps.Tests.Fixtures.FunctionMethods;

namespace YieldDeps.Tests.Testing;

/// <summary>The in-process host of the test kit, beyond what the rule tests use it for.</summary>
public sealed class FunctionTestHostTests
{
    [Fact]
    public async Task AnInvocationWhoseTokenIsAlreadyCancelled_StillRuns_AndIsCancelledInThePipeline()
    {
        await using var worker = Workers.Create(deps => deps.Add(CancellationDependencies.Guard), out var journal, out _);
        var method = Method<CancellationFunctions>(nameof(CancellationFunctions.Run));
        (await worker.InvokeAsync(method, TriggerInput.Queue("first"))).EnsureSucceeded();
        var before = journal.Entries.Count;
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        var result = await worker.InvokeAsync(method, TriggerInput.Queue("second"), cancelled.Token);

        // The host's own startup is not what gets cancelled: the invocation reaches the pipeline, which rolls back.
        Assert.IsAssignableFrom<OperationCanceledException>(result.Exception);
        Assert.DoesNotContain(journal.Entries.Skip(before), e => e.StartsWith("body", StringComparison.Ordinal));
    }
}
