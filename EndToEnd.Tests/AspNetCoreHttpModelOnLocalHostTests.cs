using YieldDeps.EndToEnd.Tests.Fixtures;

namespace YieldDeps.EndToEnd.Tests;

/// <summary>The ASP.NET Core integration's contract on LocalHost, the probe in a worker process of its own.</summary>
[Collection(AspNetCoreProbeCollection.Name)]
public sealed class AspNetCoreHttpModelOnLocalHostTests(AspNetCoreProbeFixture fixture) : AspNetCoreHttpModelTests(fixture)
{
    [Fact]
    public Task Ready_line_is_followed_by_each_http_function_with_methods_and_url() =>
        LocalHostReadyLine.AssertAsync(fixture, "api");
}
