using System.Net;
using YieldDeps.EndToEnd.Tests.Fixtures;

namespace YieldDeps.EndToEnd.Tests;

/// <summary>The built-in HttpRequestData model; the probe's host.json sets routePrefix "probe", maxDequeueCount 3 and a 15 s functionTimeout.</summary>
[Collection(BuiltInProbeCollection.Name)]
public sealed class BuiltInHttpModelTests(BuiltInProbeFixture fixture) : HttpModelTests(fixture, "probe", maxDequeueCount: 3)
{
    [Fact]
    public async Task The_route_prefix_comes_from_host_json()
    {
        using var prefixed = await Client.GetAsync("probe/echo/1");
        using var defaultPrefix = await Client.GetAsync("api/echo/1");

        Assert.Equal(HttpStatusCode.OK, prefixed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, defaultPrefix.StatusCode);
    }

    [Fact]
    public async Task A_response_in_the_http_output_binding_of_a_multi_output_result_is_returned()
    {
        using var response = await Client.PostAsync("probe/orders", content: null);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("queued", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_function_exceeding_functionTimeout_is_cancelled_and_answers_500()
    {
        var tag = Guid.NewGuid().ToString("N");

        using var response = await Client.GetAsync($"probe/slow/{tag}");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        await Fixture.WaitForEventAsync($"cancelled:{tag}");
        await Fixture.Host.WaitForOutputAsync("Timeout value of 00:00:15 was exceeded by function: Slow");
    }
}
