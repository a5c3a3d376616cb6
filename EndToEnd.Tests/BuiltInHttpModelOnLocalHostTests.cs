using YieldDeps.EndToEnd.Tests.Fixtures;

namespace YieldDeps.EndToEnd.Tests;

/// <summary>The built-in HTTP model's contract on LocalHost, the probe in a worker process of its own.</summary>
[Collection(BuiltInProbeCollection.Name)]
public sealed class BuiltInHttpModelOnLocalHostTests(BuiltInProbeFixture fixture) : BuiltInHttpModelTests(fixture)
{
    [Fact]
    public Task ReadyLineIsFollowedByEachHttpFunctionWithMethodsAndUrl() =>
        LocalHostReadyLine.AssertAsync(fixture, "probe");
}
