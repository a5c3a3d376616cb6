using Microsoft.Extensions.Time.Testing;
using YieldDeps.Testing;

namespace YieldDeps.Telemetry.Tests;

/// <summary>Invocations by outcome, teardowns by how they ended, cleanup failures, deadline overruns and durations.</summary>
public sealed class MetricTests
{
    private static Task<FunctionTestResult> Run(TelemetryHost host, string function) =>
        host.Worker.InvokeAsync(typeof(Functions).GetMethod(function)!, TriggerInput.Queue("1"));

    [Fact]
    public async Task InvocationsAreCountedByOutcome_AndTeardownsByHowTheyEnded()
    {
        await using var host = new TelemetryHost(Dependencies.Register);

        await Run(host, nameof(Functions.Process));
        await Run(host, nameof(Functions.Process));
        await Run(host, nameof(Functions.ProcessAndFail));
        using (var cancelled = new CancellationTokenSource())
        {
            await cancelled.CancelAsync();
            await host.Worker.InvokeAsync(typeof(Functions).GetMethod(nameof(Functions.Process))!, TriggerInput.Queue("1"), cancelled.Token);
        }

        Assert.Equal(2 + 1, host.Sum("yielddeps.invocations", ("faas.name", "Process")));
        Assert.Equal(2, host.Sum("yielddeps.invocations", ("faas.name", "Process"), ("yielddeps.invocation.outcome", "succeeded")));
        Assert.Equal(1, host.Sum("yielddeps.invocations", ("faas.name", "Process"), ("yielddeps.invocation.outcome", "cancelled")));
        Assert.Equal(1, host.Sum("yielddeps.invocations", ("faas.name", "ProcessAndFail"), ("yielddeps.invocation.outcome", "faulted")));
        Assert.Equal(2, host.Sum("yielddeps.teardowns", ("yielddeps.dependency.name", "Dependencies.Begin"), ("yielddeps.teardown.outcome", "resumed")));
        Assert.Equal(1, host.Sum("yielddeps.teardowns", ("yielddeps.dependency.name", "Dependencies.Begin"), ("yielddeps.teardown.outcome", "disposed")));
    }

    [Fact]
    public async Task SetupAndTeardownDurations_AreRecordedPerDependency()
    {
        await using var host = new TelemetryHost(Dependencies.Register);

        await Run(host, nameof(Functions.Process));
        await Run(host, nameof(Functions.ProcessWithBrokenSetup));

        Assert.Equal(2, host.Sum("yielddeps.setup.duration", ("yielddeps.dependency.name", "Dependencies.Open")));
        Assert.Equal(1, host.Sum("yielddeps.setup.duration", ("yielddeps.dependency.name", "Dependencies.Begin")));
        Assert.Equal(1, host.Sum("yielddeps.setup.duration", ("yielddeps.dependency.name", "Dependencies.SetupFails"), ("error.type", "System.TimeoutException")));
        Assert.Equal(1, host.Sum("yielddeps.teardown.duration", ("yielddeps.dependency.name", "Dependencies.Begin"), ("yielddeps.teardown.outcome", "resumed")));
        Assert.Equal(1, host.Sum("yielddeps.teardown.duration", ("yielddeps.dependency.name", "Dependencies.Open"), ("yielddeps.teardown.outcome", "disposed")));
    }

    [Fact]
    public async Task AFailedCommit_IsAFailedTeardown_AndAFailedCleanupUnderAnotherException_IsACleanupFailure()
    {
        await using var host = new TelemetryHost(Dependencies.Register);

        await Run(host, nameof(Functions.ProcessWithBrokenCommit));
        var cleanup = await Run(host, nameof(Functions.FailWithBrokenCommit));

        Assert.Equal("the function failed", cleanup.Exception!.Message);
        Assert.Equal(2, host.Sum("yielddeps.teardowns", ("yielddeps.dependency.name", "Dependencies.CommitFails"), ("yielddeps.teardown.outcome", "failed")));
        // Only the second one had an exception in flight to attach its failure to.
        Assert.Equal(1, host.Sum("yielddeps.cleanup_failures", ("yielddeps.dependency.name", "Dependencies.CommitFails")));
    }

    [Fact]
    public async Task ATeardownPastItsDeadline_IsCountedAsAnOverrun()
    {
        var clock = new FakeTimeProvider();
        await using var host = TelemetryHost.WithTeardownTimeout(TimeSpan.FromMilliseconds(200), clock);

        await host.InvokePastTheDeadlineAsync(clock, nameof(Functions.ProcessWithSlowCommit), TimeSpan.FromMilliseconds(200));

        Assert.Equal(1, host.Sum("yielddeps.deadline_overruns", ("yielddeps.dependency.name", "Dependencies.CommitHangs")));
        Assert.Equal(1, host.Sum("yielddeps.teardowns", ("yielddeps.dependency.name", "Dependencies.CommitHangs"), ("yielddeps.teardown.outcome", "deadline_exceeded")));
    }
}
