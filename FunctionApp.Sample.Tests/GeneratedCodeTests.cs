using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Xunit.Abstractions;
using YieldDeps;

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
        var spans = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == YieldDepsTelemetry.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                lock (spans)
                {
                    spans.Add(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        using var client = _factory.CreateClient();

        using var ping = await client.GetAsync("/api/ping-deps");
        using var order = new HttpRequestMessage(HttpMethod.Post, "/api/orders") { Content = JsonContent.Create(new { sku = "WIDGET-1", quantity = 1 }) };
        order.Headers.Add("x-api-key", SampleAppFactory.ApiKey);
        using var created = await client.SendAsync(order);

        Assert.Equal(HttpStatusCode.OK, ping.StatusCode);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Dictionary<string, string[]> paths;
        lock (spans)
        {
            paths = spans
                .GroupBy(s => (string)s.GetTagItem("faas.name")!)
                .ToDictionary(g => g.Key, g => g.Select(s => (string)s.GetTagItem("yielddeps.plan")!).Distinct().ToArray());
        }

        Assert.Equal([Expected], paths["PingDeps"]);
        Assert.Equal([Expected], paths["CreateOrder"]);
    }
}
