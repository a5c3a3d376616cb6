using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using FunctionApp.Sample.Data;
using FunctionApp.Sample.Dependencies;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using YieldDeps;

namespace FunctionApp.Sample.Tests;

/// <summary>
/// The orders functions through the app's real Program.cs (ASP.NET Core integration, its own registrations), called
/// over HTTP, on a real SQLite file of this class's own; the database is checked after each call.
/// </summary>
[Collection(SampleAppCollection.Name)]
public sealed class OrderFunctionTests : IClassFixture<SampleAppFactory>
{
    private readonly SampleAppFactory _factory;
    private readonly TestDatabase _database;

    public OrderFunctionTests(SampleAppFactory factory, ITestOutputHelper output)
    {
        _factory = factory;
        _factory.Output = output.WriteLine;
        _database = factory.Database;
    }

    private async Task<HttpResponseMessage> PostOrderAsync(string body, string? key = SampleAppFactory.ApiKey)
    {
        using var client = _factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/orders") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (key is not null)
        {
            request.Headers.Add("x-api-key", key);
        }

        return await client.SendAsync(request);
    }

    [Fact]
    public async Task AnOrder_CommitsTheOrderRowAndTheStockDecrementTogether()
    {
        var stock = _database.Stock("WIDGET-1");
        var orders = _database.Orders();

        using var response = await PostOrderAsync("""{"sku":"WIDGET-1","quantity":2}""");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var order = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("WIDGET-1", order.RootElement.GetProperty("sku").GetString());
        Assert.Equal(orders + 1, _database.Orders());
        Assert.Equal(stock - 2, _database.Stock("WIDGET-1"));
    }

    [Fact]
    public async Task TheExport_StreamsEveryOrder_LogsItBeforeTheResponse_AndReleasesTheRequestScopedConnectionAfterTheLastRow()
    {
        using (await PostOrderAsync("""{"sku":"WIDGET-1","quantity":1}"""))
        using (await PostOrderAsync("""{"sku":"WIDGET-1","quantity":2}"""))
        {
        }

        var exports = _database.Scalar("SELECT COUNT(*) FROM export_log");
        var orders = _database.Orders();
        using var client = _factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/export/orders") { Headers = { { "x-api-key", SampleAppFactory.ApiKey } } };

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/x-ndjson", response.Content.Headers.ContentType?.MediaType);
        var rows = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement).ToArray();
        Assert.Equal(orders, rows.Length);
        Assert.Equal([1, 2], rows[^2..].Select(row => row.GetProperty("quantity").GetInt32()));
        Assert.Equal(exports + 1, _database.Scalar("SELECT COUNT(*) FROM export_log"));

        // The connection was open while the rows were written, and closed after the last one.
        var connections = _factory.Services.GetRequiredService<SampleDatabase>().StreamingConnections;
        Assert.Equal(0, connections.Open);
        Assert.Equal(rows.Length, connections.LastReleasedAfterRows);
    }

    [Fact]
    public async Task NotEnoughStock_Is409_AndTheOrderInsertIsRolledBack()
    {
        var stock = _database.Stock("GADGET-1");
        var orders = _database.Orders();

        using var response = await PostOrderAsync("""{"sku":"GADGET-1","quantity":99}""");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Equal(orders, _database.Orders());
        Assert.Equal(stock, _database.Stock("GADGET-1"));
    }

    [Fact]
    public async Task AMissingApiKey_Is401BeforeTheBodyRuns_AndNothingIsWritten()
    {
        var orders = _database.Orders();

        using var response = await PostOrderAsync("""{"sku":"WIDGET-1","quantity":1}""", key: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("ApiKey header=\"x-api-key\"", response.Headers.WwwAuthenticate.ToString());
        Assert.Equal(orders, _database.Orders());
    }

    [Fact]
    public async Task TheSession_CanBeOverriddenToAnotherTestDatabase()
    {
        await using var other = await TestDatabase.CreateAsync();
        var orders = _database.Orders();
        var overrides = _factory.Services.GetRequiredService<IDependencyOverrides>();
        overrides.Override<DbSession>((InvocationOutcome outcome) => DatabaseSession.Open(other.Database, outcome, CancellationToken.None));
        try
        {
            using var response = await PostOrderAsync("""{"sku":"WIDGET-1","quantity":1}""");

            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            Assert.Equal(1, other.Orders());
            Assert.Equal(orders, _database.Orders());
        }
        finally
        {
            overrides.Remove<DbSession>();
        }
    }

    [Fact]
    public async Task AnOrder_CanBeReadBack()
    {
        using var created = await PostOrderAsync("""{"sku":"WIDGET-1","quantity":3}""");
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        using var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Add("x-api-key", SampleAppFactory.ApiKey);

        var order = await client.GetFromJsonAsync<JsonElement>($"/api/orders/{id}");

        Assert.Equal(3, order.GetProperty("quantity").GetInt32());
        Assert.False(order.GetProperty("shipped").GetBoolean());
    }

    [Fact]
    public async Task ASecondAppOnTheAspNetCoreIntegration_RefusesToStartBesideTheFirst_WhichGoesOnServing()
    {
        await _factory.StartAsync();
        await using var second = new SampleAppFactory();
        var orders = _database.Orders();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => second.StartAsync());

        Assert.Contains("FunctionApp.Sample did not start", error.Message, StringComparison.Ordinal);
        using var response = await PostOrderAsync("""{"sku":"WIDGET-1","quantity":1}""");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(orders + 1, _database.Orders());
        Assert.Equal(0, second.Database.Orders());
    }
}
