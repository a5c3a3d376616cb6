using System.Net;
using System.Text;
using System.Text.Json;
using YieldDeps.EndToEnd.Tests.Infrastructure;

namespace YieldDeps.EndToEnd.Tests.Sample;

/// <summary>
/// The sample's streamed export on the wire: a function-scoped transaction committed before the response, rows read
/// from a request-scoped connection while they are written, the connection released after the last row.
/// </summary>
[Collection(SampleAppCollection.Name)]
public sealed class OrderExportTests(SampleAppFixture app)
{
    private static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(30);

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? body = null, bool withKey = true)
    {
        var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        if (withKey)
        {
            request.Headers.Add("x-api-key", SampleAppFixture.ApiKey);
        }

        return app.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
    }

    private async Task<JsonElement> StreamingConnectionsAsync()
    {
        using var response = await SendAsync(HttpMethod.Get, "api/diagnostics/streaming-connections");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    [Fact]
    public async Task TheExportStreamsEveryOrderCommitsItsLogBeforeTheFirstByteAndReleasesItsConnectionAfterTheLastRow()
    {
        for (var i = 0; i < 3; i++)
        {
            using var created = await SendAsync(HttpMethod.Post, "api/orders", """{"sku":"WIDGET-1","quantity":1}""");
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        var orders = app.OrderCount();
        var lastId = app.Scalar("SELECT MAX(id) FROM orders");

        using var response = await SendAsync(HttpMethod.Get, "api/export/orders");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/x-ndjson", response.Content.Headers.ContentType?.MediaType);
        Assert.Null(response.Content.Headers.ContentLength);
        var exportId = long.Parse(response.Headers.GetValues("X-Export-Id").Single(), System.Globalization.CultureInfo.InvariantCulture);

        // Only the headers have been read: the function-scoped transaction committed before the response started.
        Assert.Equal(1, app.Scalar("SELECT COUNT(*) FROM export_log WHERE id = $id", ("$id", exportId)));

        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        var rows = new List<JsonElement>();
        while (await reader.ReadLineAsync().WaitAsync(ReadTimeout) is { } line)
        {
            using var row = JsonDocument.Parse(line);
            rows.Add(row.RootElement.Clone());
        }

        Assert.Equal(orders, rows.Count);
        Assert.Equal(lastId, rows[^1].GetProperty("id").GetInt64());
        Assert.Equal(rows.Select(r => r.GetProperty("id").GetInt64()).Order(), rows.Select(r => r.GetProperty("id").GetInt64()));

        // The request-scoped connection was released after the stream: its teardown saw every row written.
        var released = await Eventually.WaitForAsync(
            StreamingConnectionsAsync,
            connections => connections.GetProperty("open").GetInt64() == 0,
            "the export's connection to be released");
        Assert.Equal(orders, released.GetProperty("lastReleasedAfterRows").GetInt64());
    }

    [Fact]
    public async Task TheExportWithoutTheAPIKeyIsA401Problem()
    {
        using var response = await SendAsync(HttpMethod.Get, "api/export/orders", withKey: false);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
