using System.Net;
using YieldDeps.EndToEnd.Tests.Contract;
using YieldDeps.EndToEnd.Tests.Infrastructure;

namespace YieldDeps.EndToEnd.Tests;

/// <summary>
/// The ASP.NET Core integration (Apps/AspNetCoreProbe); the probe's host.json keeps the default "api" prefix and sets
/// maxDequeueCount 2. Run on LocalHost by <c>AspNetCoreHttpModelOnLocalHostTests</c> and through the factory by
/// <c>AspNetCoreHttpModelThroughFactoryTests</c>.
/// </summary>
public abstract class AspNetCoreHttpModelTests(IRunningApp fixture) : HttpModelTests(fixture, "api", maxDequeueCount: 2)
{
    [Fact]
    public async Task RequestsAreForwardedToTheWorkersOwnHttpServer()
    {
        await Fixture.WaitForOutputAsync("the worker uses the ASP.NET Core integration; HTTP requests are forwarded to http://");

        using var response = await Client.GetAsync("api/echo/5");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task AFunctionThatAnswersABodyOverTheWorkers30MBLimitWithoutReadingItGetsAnEmpty500AsUnderTheFunctionsHost(bool expectContinue)
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
        // The probe (no YieldDeps) answers 413 without reading the body, and the worker's server closes the connection.
        // LocalHost forwards the body as the Functions host does, at once whatever the client sent, so the forwarding
        // breaks off and the client gets the host's empty 500, not the 413 (YieldDeps drains such a body first: see
        // SampleAppTests).
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        await Fixture.WaitForOutputAsync("Body: the worker's HTTP response could not be read");
    }
}
