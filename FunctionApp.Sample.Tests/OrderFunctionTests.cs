using System.Net;
using System.Text.Json;
using FunctionApp.Sample.Data;
using FunctionApp.Sample.Dependencies;
using FunctionApp.Sample.Functions;
using Microsoft.Extensions.DependencyInjection;
using YieldDeps;
using YieldDeps.Testing;

namespace FunctionApp.Sample.Tests;

/// <summary>
/// The orders functions run in-process through the real worker pipeline and its ASP.NET Core integration, with the
/// app's own registrations, on a real SQLite file.
/// </summary>
public sealed class OrderFunctionTests : IAsyncLifetime
{
    private const string ApiKey = "test-key";

    private TestDatabase _database = null!;
    private FunctionTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        #region readme-function-test-host
        _host = FunctionTestHost.Create(
            worker => worker.UseYieldDependencies(SampleApp.RegisterDependencies),
            services => services
                .AddSingleton(_database.Database)
                .AddSingleton(new ApiKeySettings(ApiKey))
                .AddSingleton(TimeProvider.System),
            httpModel: TestHttpModel.AspNetCore);
        #endregion
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _database.DisposeAsync();
    }

    private Task<FunctionTestResult> PostOrderAsync(string body, string? key = ApiKey) =>
        _host.InvokeAsync<Orders>(
            nameof(Orders.Create),
            TriggerInput.Http("POST", "http://localhost/api/orders", body, headers: key is null ? [] : [new("x-api-key", key)]));

    [Fact]
    public async Task AnOrder_CommitsTheOrderRowAndTheStockDecrementTogether()
    {
        var stock = _database.Stock("WIDGET-1");

        var result = await PostOrderAsync("""{"sku":"WIDGET-1","quantity":2}""");

        Assert.Equal(HttpStatusCode.Created, result.HttpResponse!.StatusCode);
        using var order = JsonDocument.Parse(result.HttpResponse.Body);
        Assert.Equal("WIDGET-1", order.RootElement.GetProperty("sku").GetString());
        Assert.Equal(1, _database.Orders());
        Assert.Equal(stock - 2, _database.Stock("WIDGET-1"));
    }

    [Fact]
    public async Task TheExport_StreamsEveryOrder_LogsItBeforeTheResponse_AndReleasesTheRequestScopedConnectionAfterTheLastRow()
    {
        await PostOrderAsync("""{"sku":"WIDGET-1","quantity":1}""");
        await PostOrderAsync("""{"sku":"WIDGET-1","quantity":2}""");

        var result = await _host.InvokeAsync<Orders>(
            nameof(Orders.Export),
            TriggerInput.Http("GET", "http://localhost/api/export/orders", headers: [new("x-api-key", ApiKey)]));

        Assert.Equal(HttpStatusCode.OK, result.HttpResponse!.StatusCode);
        Assert.Equal("application/x-ndjson", result.HttpResponse.Header("Content-Type"));
        var rows = result.HttpResponse.Body.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement).ToArray();
        Assert.Equal([1, 2], rows.Select(row => row.GetProperty("quantity").GetInt32()));
        Assert.Equal(1, _database.Scalar("SELECT COUNT(*) FROM export_log"));

        // The connection was open while the rows were written, and closed after the last one.
        Assert.Equal(0, _database.Database.StreamingConnections.Open);
        Assert.Equal(2, _database.Database.StreamingConnections.LastReleasedAfterRows);
    }

    [Fact]
    public async Task NotEnoughStock_Is409_AndTheOrderInsertIsRolledBack()
    {
        var stock = _database.Stock("GADGET-1");

        #region readme-function-test-invoke
        var result = await _host.InvokeAsync<Orders>(
            nameof(Orders.Create),
            TriggerInput.Http("POST", "http://localhost/api/orders", """{"sku":"GADGET-1","quantity":99}""", headers: [new("x-api-key", ApiKey)]));

        Assert.Equal(HttpStatusCode.Conflict, result.HttpResponse!.StatusCode);
        #endregion
        Assert.Equal("application/problem+json; charset=utf-8", result.HttpResponse.Header("Content-Type"));
        Assert.Equal(0, _database.Orders());
        Assert.Equal(stock, _database.Stock("GADGET-1"));
    }

    [Fact]
    public async Task AMissingApiKey_Is401BeforeTheBodyRuns_AndNothingIsWritten()
    {
        var result = await PostOrderAsync("""{"sku":"WIDGET-1","quantity":1}""", key: null);

        Assert.Equal(HttpStatusCode.Unauthorized, result.HttpResponse!.StatusCode);
        Assert.Equal("ApiKey header=\"x-api-key\"", result.HttpResponse.Header("WWW-Authenticate"));
        Assert.Equal(0, _database.Orders());
    }

    [Fact]
    public async Task TheSession_CanBeOverriddenToAnotherTestDatabase()
    {
        await using var other = await TestDatabase.CreateAsync();
        _host.Services.GetRequiredService<IDependencyOverrides>()
            .Override<DbSession>((InvocationOutcome outcome) => DatabaseSession.Open(other.Database, outcome, CancellationToken.None));

        var result = await PostOrderAsync("""{"sku":"WIDGET-1","quantity":1}""");

        Assert.Equal(HttpStatusCode.Created, result.HttpResponse!.StatusCode);
        Assert.Equal(1, other.Orders());
        Assert.Equal(0, _database.Orders());
    }
}
