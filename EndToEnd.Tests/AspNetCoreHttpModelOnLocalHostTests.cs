using YieldDeps.EndToEnd.Tests.Fixtures;

namespace YieldDeps.EndToEnd.Tests;

/// <summary>The ASP.NET Core integration's contract on LocalHost, the probe in a worker process of its own.</summary>
[Collection(AspNetCoreProbeCollection.Name)]
public sealed class AspNetCoreHttpModelOnLocalHostTests(AspNetCoreProbeFixture fixture) : AspNetCoreHttpModelTests(fixture)
{
    [Fact]
    public Task ReadyLineIsFollowedByEachHttpFunctionWithMethodsAndUrl() =>
        LocalHostReadyLine.AssertAsync(fixture, "api");
}
