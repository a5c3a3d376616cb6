using System.Net;
using System.Net.Http.Json;
using Xunit.Abstractions;
using YieldDeps.Testing;

namespace FunctionApp.Sample.Tests;

/// <summary>
/// The sample runs on the code the YieldDeps source generator wrote for it: every setup and teardown span of its
/// functions says so (<c>yielddeps.plan</c>). CI runs this project a second time with generated code turned off
/// (YieldDeps__GeneratedCode=false), when the same spans say <c>runtime</c>.
/// </summary>
[Collection(SampleAppCollection.Name)]
public sealed class GeneratedCodeTests : IClassFixture<SampleAppFactory>
{
    private readonly SampleAppFactory _factory;

    public GeneratedCodeTests(SampleAppFactory factory, ITestOutputHelper output)
    {
        _factory = factory;
        _factory.Output = output.WriteLine;
    }

    private static string Expected =>
        string.Equals(Environment.GetEnvironmentVariable("YieldDeps__GeneratedCode"), "false", StringComparison.OrdinalIgnoreCase) ? "runtime" : "generated";

    [Fact]
    public async Task TheOrdersAndThePingChain_RunOnGeneratedCode()
    {
        using var paths = FunctionPaths.Record();
        using var client = _factory.CreateClient();

        using var ping = await client.GetAsync("/api/ping-deps");
        using var order = new HttpRequestMessage(HttpMethod.Post, "/api/orders") { Content = JsonContent.Create(new { sku = "WIDGET-1", quantity = 1 }) };
        order.Headers.Add("x-api-key", SampleAppFactory.ApiKey);
        using var created = await client.SendAsync(order);

        Assert.Equal(HttpStatusCode.OK, ping.StatusCode);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal([Expected], paths.Of("PingDeps"));
        Assert.Equal([Expected], paths.Of("CreateOrder"));
    }
}
