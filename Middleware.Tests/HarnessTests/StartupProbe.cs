using Microsoft.Extensions.Hosting;

namespace YieldDeps.Tests.HarnessTests;

/// <summary>A hosted service that records when the harness starts and stops it.</summary>
public sealed class StartupProbe(Recorder recorder) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        recorder.Add("hosted:start");
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        recorder.Add("hosted:stop");
        return Task.CompletedTask;
    }
}
