using YieldDeps.EndToEnd.Tests.Fixtures;

namespace YieldDeps.EndToEnd.Tests;

/// <summary>The built-in HTTP model's contract on LocalHost, the probe in a worker process of its own.</summary>
[Collection(BuiltInProbeCollection.Name)]
public sealed class BuiltInHttpModelOnLocalHostTests(BuiltInProbeFixture fixture) : BuiltInHttpModelTests(fixture)
{
    [Fact]
    public Task Ready_line_is_followed_by_each_http_function_with_methods_and_url() =>
        LocalHostReadyLine.AssertAsync(fixture, "probe");
}
