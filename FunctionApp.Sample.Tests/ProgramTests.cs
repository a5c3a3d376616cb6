using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FunctionApp.Sample.Dependencies;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using YieldDeps;

namespace FunctionApp.Sample.Tests;

/// <summary>
/// The orders app through its real Program.cs (ASP.NET Core integration, YieldDeps, its own registrations and
/// settings), in the test process, called over HTTP and through the Functions host protocol.
/// </summary>
[Collection(SampleAppCollection.Name)]
#region readme-factory-tests
public sealed class ProgramTests : IClassFixture<SampleAppFactory>
{
    private readonly SampleAppFactory _factory;

    public ProgramTests(SampleAppFactory factory, ITestOutputHelper output)
    {
        _factory = factory;
        _factory.Output = output.WriteLine;
    }

    #endregion

    private async Task<HttpResponseMessage> PostOrderAsync(object order, string? key = SampleAppFactory.ApiKey)
    {
        using var client = _factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/orders") { Content = JsonContent.Create(order) };
        if (key is not null)
        {
            request.Headers.Add("x-api-key", key);
        }

        return await client.SendAsync(request);
    }

    [Fact]
    public async Task AnOrder_IsCreatedAndCommitsWithTheStockDecrement()
    {
        var stock = _factory.Database.Stock("WIDGET-1");
        var orders = _factory.Database.Orders();

        using var response = await PostOrderAsync(new { sku = "WIDGET-1", quantity = 2 });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var order = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("WIDGET-1", order.RootElement.GetProperty("sku").GetString());
        Assert.Equal(orders + 1, _factory.Database.Orders());
        Assert.Equal(stock - 2, _factory.Database.Stock("WIDGET-1"));
    }

    #region readme-factory-tests-more
    [Fact]
    public async Task AnOrderOverTheStock_Is409AndRollsTheOrderRowBack()
    {
        var stock = _factory.Database.Stock("WIDGET-1");
        var orders = _factory.Database.Orders();

        using var response = await PostOrderAsync(new { sku = "WIDGET-1", quantity = stock + 1 });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(orders, _factory.Database.Orders());
        Assert.Equal(stock, _factory.Database.Stock("WIDGET-1"));
    }

    #endregion

    [Fact]
    public async Task AnOrderWithoutTheKey_Is401AndWritesNothing()
    {
        var orders = _factory.Database.Orders();

        using var response = await PostOrderAsync(new { sku = "WIDGET-1", quantity = 1 }, key: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(orders, _factory.Database.Orders());
    }

    #region readme-factory-invoke
    [Fact]
    public async Task ShippingAnUnknownOrder_IsRetriedThenPoisonedAndLogsNothing()
    {
        var result = await _factory.InvokeAsync("ShipOrder", "999999");

        Assert.False(result.Succeeded);
        Assert.Equal(5, result.Attempts);
        Assert.Equal("orders-to-ship-poison", result.PoisonQueue);
        Assert.Contains("Order 999999 does not exist.", result.Error);
        Assert.Equal(0, _factory.Database.Scalar("SELECT COUNT(*) FROM shipment_log WHERE order_id = 999999"));
    }
    #endregion

    [Fact]
    public async Task AnOverriddenDependency_RunsInsteadOfTheRegisteredOne()
    {
        var overrides = _factory.Services.GetRequiredService<IDependencyOverrides>();
        overrides.Override<ApiCaller>(() => new ApiCaller("test"));
        try
        {
            using var response = await PostOrderAsync(new { sku = "WIDGET-1", quantity = 1 }, key: null);

            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }
        finally
        {
            overrides.Remove<ApiCaller>();
        }
    }

    [Fact]
    public void TheWorkerLoadedTheAppsFunctions() =>
        Assert.Contains("CreateOrder", _factory.FunctionNames);
}
