using System.Net;
using YieldDeps.EndToEnd.Tests.Fixtures;
using YieldDeps.EndToEnd.Tests.Infrastructure;

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

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_body_over_the_workers_own_30_MB_limit_reaches_the_function_as_a_413_exception(bool expectContinue)
    {
        var tag = Guid.NewGuid().ToString("N");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"api/body/{tag}")
        {
            Content = new ZeroBytesContent(35L * 1024 * 1024, declareLength: true),
        };
        request.Headers.ExpectContinue = expectContinue;

        using var response = await Client.SendAsync(request);

        // Within LocalHost's limit, but over Kestrel's default MaxRequestBodySize (30,000,000 bytes) in the worker.
        await Fixture.WaitForEventAsync($"body-too-large:{tag}:413");
        // The worker answers (here 413) without reading the body and closes the connection; LocalHost waits for its
        // 100 Continue before sending a large body, so that answer reaches the client whatever the client sent.
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }
}
