using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;
using YieldDeps.Testing;

namespace YieldDeps.Telemetry.Tests;

/// <summary>A setup span and a teardown span per dependency, children of the worker's invocation span.</summary>
public sealed class SpanTests
{
    private static string? Tag(Activity span, string name) => span.GetTagItem(name)?.ToString();

    [Fact]
    public async Task ASucceededInvocation_HasASetupAndATeardownSpanPerDependency_InOrder_UnderTheWorkersInvocationSpan()
    {
        await using var host = new TelemetryHost(Dependencies.Register);

        var result = await host.Worker.InvokeAsync(typeof(Functions).GetMethod(nameof(Functions.Process))!, TriggerInput.Queue("1"));

        result.EnsureSucceeded();
        var invocation = host.InvocationSpan(result);
        var spans = host.DependencySpans(result);
        Assert.Equal(["setup Dependencies.Open", "setup Dependencies.Begin", "teardown Dependencies.Begin", "teardown Dependencies.Open"],
            spans.Select(s => s.DisplayName));
        Assert.All(spans, span =>
        {
            Assert.Equal(invocation.SpanId, span.ParentSpanId);
            Assert.Equal(ActivityKind.Internal, span.Kind);
            Assert.Equal(ActivityStatusCode.Unset, span.Status);
            Assert.Equal("Process", Tag(span, "faas.name"));
            Assert.Equal("async_iterator", Tag(span, "yielddeps.dependency.style"));
            Assert.Equal("function", Tag(span, "yielddeps.dependency.scope"));
        });
        Assert.Equal(["Dependencies.Open", "Dependencies.Begin", "Dependencies.Begin", "Dependencies.Open"],
            spans.Select(s => Tag(s, "yielddeps.dependency.name")));
        Assert.Equal(["resumed", "resumed"], spans.Skip(2).Select(s => Tag(s, "yielddeps.teardown.outcome")));
        Assert.True(spans[1].StartTimeUtc + spans[1].Duration <= spans[2].StartTimeUtc, "the teardowns start after the setups ended");
    }

    [Fact]
    public async Task AFailedFunction_DisposesEveryDependency_WithTheExceptionRecordedOnTheTeardownSpans()
    {
        await using var host = new TelemetryHost(Dependencies.Register);

        var result = await host.Worker.InvokeAsync(typeof(Functions).GetMethod(nameof(Functions.ProcessAndFail))!, TriggerInput.Queue("1"));

        Assert.IsType<InvalidOperationException>(result.Exception);
        var teardowns = host.DependencySpans(result).Where(s => s.DisplayName.StartsWith("teardown", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, teardowns.Count);
        Assert.All(teardowns, span =>
        {
            Assert.Equal("disposed", Tag(span, "yielddeps.teardown.outcome"));
            // The teardown itself went well: the span is not an error, the exception it rolled back for is recorded.
            Assert.Equal(ActivityStatusCode.Unset, span.Status);
            var exception = Assert.Single(span.Events, e => e.Name == "exception");
            Assert.Equal("System.InvalidOperationException", exception.Tags.Single(t => t.Key == "exception.type").Value);
            Assert.Equal("the function failed", exception.Tags.Single(t => t.Key == "exception.message").Value);
        });
        Assert.Equal(ActivityStatusCode.Error, host.InvocationSpan(result).Status);
    }

    [Fact]
    public async Task AFailedCommit_IsAnErrorTeardownSpan_WithItsPhaseAndException_AndTheOthersRollBack()
    {
        await using var host = new TelemetryHost(Dependencies.Register);

        var result = await host.Worker.InvokeAsync(typeof(Functions).GetMethod(nameof(Functions.ProcessWithBrokenCommit))!, TriggerInput.Queue("1"));

        Assert.Equal("the commit failed", result.Exception!.Message);
        var spans = host.DependencySpans(result);
        var commit = spans.Single(s => s.DisplayName == "teardown Dependencies.CommitFails");
        Assert.Equal(ActivityStatusCode.Error, commit.Status);
        Assert.Equal("failed", Tag(commit, "yielddeps.teardown.outcome"));
        Assert.Equal("Resume", Tag(commit, "yielddeps.teardown.phase"));
        Assert.Equal("System.InvalidOperationException", Tag(commit, "error.type"));
        Assert.Equal("iterator", Tag(commit, "yielddeps.dependency.style"));
        Assert.Single(commit.Events, e => e.Name == "exception");
        Assert.Equal(["disposed", "disposed"],
            spans.Where(s => s.DisplayName is "teardown Dependencies.Begin" or "teardown Dependencies.Open").Select(s => Tag(s, "yielddeps.teardown.outcome")));
    }

    [Fact]
    public async Task ATeardownPastItsDeadline_IsAnErrorSpan_MarkedDeadlineExceeded()
    {
        var clock = new FakeTimeProvider();
        await using var host = TelemetryHost.WithTeardownTimeout(TimeSpan.FromMilliseconds(200), clock);

        var result = await host.InvokePastTheDeadlineAsync(clock, nameof(Functions.ProcessWithSlowCommit), TimeSpan.FromMilliseconds(200));

        Assert.IsType<TimeoutException>(result.Exception);
        var span = host.DependencySpans(result).Single(s => s.DisplayName == "teardown Dependencies.CommitHangs");
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal("deadline_exceeded", Tag(span, "yielddeps.teardown.outcome"));
        Assert.Equal("System.TimeoutException", Tag(span, "error.type"));
    }

    [Fact]
    public async Task AFailedSetup_IsAnErrorSetupSpan_WithoutATeardownSpan_AndWhatWasEnteredIsDisposed()
    {
        await using var host = new TelemetryHost(Dependencies.Register);

        var result = await host.Worker.InvokeAsync(typeof(Functions).GetMethod(nameof(Functions.ProcessWithBrokenSetup))!, TriggerInput.Queue("1"));

        Assert.IsType<TimeoutException>(result.Exception);
        var spans = host.DependencySpans(result);
        Assert.Equal(["setup Dependencies.Open", "setup Dependencies.SetupFails", "teardown Dependencies.Open"], spans.Select(s => s.DisplayName));
        Assert.Equal(ActivityStatusCode.Error, spans[1].Status);
        Assert.Equal("System.TimeoutException", Tag(spans[1], "error.type"));
        Assert.Equal("no connection", spans[1].Events.Single(e => e.Name == "exception").Tags.Single(t => t.Key == "exception.message").Value);
        Assert.Equal("disposed", Tag(spans[2], "yielddeps.teardown.outcome"));
    }
}
