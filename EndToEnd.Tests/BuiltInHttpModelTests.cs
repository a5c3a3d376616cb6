using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using YieldDeps.EndToEnd.Tests.Contract;
using YieldDeps.EndToEnd.Tests.Infrastructure;

namespace YieldDeps.EndToEnd.Tests;

/// <summary>
/// The built-in HttpRequestData model (Apps/BuiltInHttpProbe); the probe's host.json sets routePrefix "probe",
/// maxDequeueCount 3 and a 15 s functionTimeout. Run on LocalHost by <c>BuiltInHttpModelOnLocalHostTests</c> and
/// through the factory by <c>BuiltInHttpModelThroughFactoryTests</c>.
/// </summary>
public abstract class BuiltInHttpModelTests(IRunningApp fixture) : HttpModelTests(fixture, "probe", maxDequeueCount: 3)
{
    [Fact]
    public async Task TheRoutePrefixComesFromHostJson()
    {
        using var prefixed = await Client.GetAsync("probe/echo/1");
        using var defaultPrefix = await Client.GetAsync("api/echo/1");

        Assert.Equal(HttpStatusCode.OK, prefixed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, defaultPrefix.StatusCode);
    }

    [Fact]
    public async Task AResponseInTheHttpOutputBindingOfAMultiOutputResultIsReturned()
    {
        using var response = await Client.PostAsync("probe/orders", content: null);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("queued", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AMessageWrittenToAQueueOutputIsDeliveredToTheFunctionReadingThatQueue()
    {
        var message = $"ok-{Guid.NewGuid():N}";

        using var response = await Client.PostAsync($"probe/orders/{message}", content: null);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var records = await Eventually.WaitForAsync(
            () => Client.GetFromJsonAsync<JsonElement[]>("admin/invocations?function=ShipOrder"),
            all => all!.Any(record => record.GetProperty("input").GetString() == message),
            $"ShipOrder to run with {message}");
        var record = Assert.Single(records!, record => record.GetProperty("input").GetString() == message);
        Assert.Equal("Succeeded", record.GetProperty("status").GetString());
        Assert.Single(Fixture.Events(), line => line.StartsWith($"ship:{message}:1:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AFunctionExceedingFunctionTimeoutIsCancelledAndAnswers500()
    {
        var tag = Guid.NewGuid().ToString("N");

        using var response = await Client.GetAsync($"probe/slow/{tag}");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        await Fixture.WaitForEventAsync($"cancelled:{tag}");
        await Fixture.WaitForOutputAsync("Timeout value of 00:00:15 was exceeded by function: Slow");
    }

    [Fact]
    public async Task A35MBBodyReachesTheFunctionWholeInsideTheInvocationRequest()
    {
        const long size = 35L * 1024 * 1024;
        var tag = Guid.NewGuid().ToString("N");

        using var response = await Client.PostAsync($"probe/body/{tag}", new ZeroBytesContent(size, declareLength: true));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(size.ToString(CultureInfo.InvariantCulture), await response.Content.ReadAsStringAsync());
        await Fixture.WaitForEventAsync($"body-read:{tag}:{size}");
    }
}
