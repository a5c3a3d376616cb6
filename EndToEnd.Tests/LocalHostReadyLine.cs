using YieldDeps.EndToEnd.Tests.Fixtures;

namespace YieldDeps.EndToEnd.Tests;

/// <summary>
/// What LocalHost's command line prints once the worker is ready: its address, then each function with how to call
/// it. A line of the command line, not of the host's core: the factory prints none, so only the LocalHost classes check it.
/// </summary>
internal static class LocalHostReadyLine
{
    public static async Task AssertAsync(ProbeAppFixture fixture, string routePrefix)
    {
        var baseUrl = $"http://127.0.0.1:{fixture.Host.Port}";
        Assert.Contains($"LocalHost: listening on {baseUrl} (", fixture.Host.Output);
        await fixture.Host.WaitForOutputAsync($"Echo: [GET,POST] {baseUrl}/{routePrefix}/echo/{{id:int}}/{{name?}}");
        await fixture.Host.WaitForOutputAsync($"Status: [GET] {baseUrl}/{routePrefix}/status/{{code:int}}");
        await fixture.Host.WaitForOutputAsync($"ShipOrder: queueTrigger (POST {baseUrl}/admin/functions/ShipOrder)");
    }
}
