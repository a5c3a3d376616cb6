using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Data.Sqlite;
using YieldDeps.EndToEnd.Tests.Infrastructure;
using YieldDeps.Testing;

namespace YieldDeps.EndToEnd.Tests.Sample;

/// <summary>
/// The sample's telemetry switches: the console exporter with <c>SampleTelemetry=console</c>, OTLP with the standard
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>. Each runs the real worker and reads what it exported.
/// </summary>
[Collection(SampleAppCollection.Name)]
public sealed class SampleTelemetryTests
{
    private const string ApiKey = "telemetry-key";

    [Fact]
    public async Task WithTheConsoleSettingTheSamplePrintsTheDependencySpansOfARolledBackOrder()
    {
        var folder = Directory.CreateTempSubdirectory("yielddeps-telemetry-").FullName;
        try
        {
            await using var host = await LocalFunctionsHost.StartAsync(
                Path.Combine(RepositoryPaths.Root, "FunctionApp.Sample"),
                new Dictionary<string, string> { ["SampleDb"] = Database(folder), ["SampleApiKey"] = ApiKey, ["SampleTelemetry"] = "console" });

            using var refused = await PostOrderAsync(host.Client, """{"sku":"WIDGET-1","quantity":9999}""");

            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            await host.WaitForOutputAsync("teardown DatabaseSession.Open");
            await host.WaitForOutputAsync("yielddeps.teardown.outcome: disposed");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task WithAnOTLPEndpointTheSampleSendsItsSpansThere()
    {
        var folder = Directory.CreateTempSubdirectory("yielddeps-telemetry-").FullName;
        using var collector = new HttpListener();
        var port = FreePort();
        collector.Prefixes.Add($"http://127.0.0.1:{port}/");
        collector.Start();
        try
        {
            await using var host = await LocalFunctionsHost.StartAsync(
                Path.Combine(RepositoryPaths.Root, "FunctionApp.Sample"),
                new Dictionary<string, string>
                {
                    ["SampleDb"] = Database(folder),
                    ["SampleApiKey"] = ApiKey,
                    ["OTEL_EXPORTER_OTLP_ENDPOINT"] = $"http://127.0.0.1:{port}",
                    ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
                    ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
                });

            using var created = await PostOrderAsync(host.Client, """{"sku":"WIDGET-1","quantity":1}""");
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);

            // Spans arrive as protobuf; the span names and attribute values are plain UTF-8 inside it.
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            while (true)
            {
                var context = await collector.GetContextAsync().WaitAsync(timeout.Token);
                using var body = new MemoryStream();
                await context.Request.InputStream.CopyToAsync(body, timeout.Token);
                context.Response.StatusCode = 200;
                context.Response.Close();
                var text = Encoding.UTF8.GetString(body.ToArray());
                if (context.Request.Url!.AbsolutePath == "/v1/traces" && text.Contains("teardown DatabaseSession.Open", StringComparison.Ordinal))
                {
                    Assert.Contains("resumed", text, StringComparison.Ordinal);
                    break;
                }
            }
        }
        finally
        {
            collector.Stop();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string Database(string folder) =>
        new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "orders.db"), Pooling = false }.ToString();

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    private static Task<HttpResponseMessage> PostOrderAsync(HttpClient client, string body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "api/orders")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
            Headers = { { "x-api-key", ApiKey } },
        };
        return client.SendAsync(request);
    }
}
