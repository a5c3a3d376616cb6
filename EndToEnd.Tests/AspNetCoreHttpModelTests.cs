using System.Net;
using YieldDeps.EndToEnd.Tests.Fixtures;

namespace YieldDeps.EndToEnd.Tests;

/// <summary>The ASP.NET Core integration; the probe's host.json keeps the default "api" prefix and sets maxDequeueCount 2.</summary>
[Collection(AspNetCoreProbeCollection.Name)]
public sealed class AspNetCoreHttpModelTests(AspNetCoreProbeFixture fixture) : HttpModelTests(fixture, "api", maxDequeueCount: 2)
{
    [Fact]
    public async Task Requests_are_forwarded_to_the_workers_own_http_server()
    {
        await Fixture.Host.WaitForOutputAsync("the worker uses the ASP.NET Core integration; HTTP requests are forwarded to http://");

        using var response = await Client.GetAsync("api/echo/5");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
