using YieldDeps.Testing;

namespace YieldDeps.Tests.Testing;

/// <summary>The in-process host reaches worker internals, so it refuses a worker outside the versions it supports.</summary>
public sealed class WorkerCompatibilityTests
{
    [Theory]
    [InlineData("2.51.0")]
    [InlineData("2.52.0")]
    [InlineData("2.52.7")]
    public void SupportedWorkerVersions_AreAccepted(string version) =>
        WorkerCompatibility.EnsureSupported(Version.Parse(version));

    [Theory]
    [InlineData("2.50.3")]
    [InlineData("2.53.0")]
    [InlineData("3.0.0")]
    public void OtherWorkerVersions_AreRefused_WithAMessageNamingTheSupportedRange(string version)
    {
        var error = Assert.Throws<NotSupportedException>(() => WorkerCompatibility.EnsureSupported(Version.Parse(version)));

        Assert.Contains("supports Worker.Core 2.51.0 to 2.52.x", error.Message, StringComparison.Ordinal);
        Assert.Contains($"the app uses {version}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThePinnedWorker_IsSupported_SoTheHostStarts()
    {
        await using var host = FunctionTestHost.Create();

        await host.StartAsync();
    }
}
