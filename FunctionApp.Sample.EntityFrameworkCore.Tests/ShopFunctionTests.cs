using System.Net;
using FunctionApp.Sample.EntityFrameworkCore.Data;
using FunctionApp.Sample.EntityFrameworkCore.Functions;
using Microsoft.EntityFrameworkCore;
using YieldDeps;
using YieldDeps.Testing;

namespace FunctionApp.Sample.EntityFrameworkCore.Tests;

/// <summary>
/// The shop's functions in-process, through the worker's real pipeline and its ASP.NET Core integration, with the
/// app's own registrations, on a real SQLite file.
/// </summary>
public sealed class ShopFunctionTests : IAsyncLifetime
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"shop-{Guid.NewGuid():N}.db");
    private FunctionTestHost _host = null!;

    private string ConnectionString => $"Data Source={_path};Pooling=False";

    public async Task InitializeAsync()
    {
        await using (var db = Open())
        {
            await db.Database.EnsureCreatedAsync();
            db.Products.Add(new Product { Sku = "WIDGET-1", Name = "Widget", Stock = 5 });
            await db.SaveChangesAsync();
        }

        #region test-host
        _host = FunctionTestHost.Create(
            worker => worker.UseYieldDependencies(ShopApp.RegisterDependencies),
            services => ShopApp.AddShopDb(services, ConnectionString),
            httpModel: TestHttpModel.AspNetCore);
        #endregion
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        File.Delete(_path);
    }

    [Fact]
    public async Task An_order_commits_its_row_and_the_stock_decrement_together()
    {
        var result = await PostAsync(typeof(Orders), nameof(Orders.Place), "orders", """{"sku":"WIDGET-1","quantity":2}""");

        Assert.Equal(HttpStatusCode.Created, result.HttpResponse!.StatusCode);
        await using var db = Open();
        Assert.Equal(3, (await db.Products.SingleAsync()).Stock);
        Assert.Equal(1, await db.Orders.CountAsync());
    }

    [Fact]
    public async Task An_order_over_the_stock_is_409_and_the_saved_order_row_is_rolled_back()
    {
        var result = await PostAsync(typeof(Orders), nameof(Orders.Place), "orders", """{"sku":"WIDGET-1","quantity":99}""");

        Assert.Equal(HttpStatusCode.Conflict, result.HttpResponse!.StatusCode);
        await using var db = Open();
        Assert.Equal(5, (await db.Products.SingleAsync()).Stock);
        Assert.Equal(0, await db.Orders.CountAsync());
    }

    [Fact]
    public async Task A_product_whose_SKU_is_taken_is_a_409_problem_from_the_unit_of_work()
    {
        #region duplicate-sku
        var result = await PostAsync(typeof(Products), nameof(Products.Add), "products", """{"sku":"WIDGET-1","name":"Another","stock":1}""");

        Assert.Equal(HttpStatusCode.Conflict, result.HttpResponse!.StatusCode);
        Assert.Equal("application/problem+json; charset=utf-8", result.HttpResponse.Header("Content-Type"));
        #endregion
        await using var db = Open();
        Assert.Equal("Widget", (await db.Products.SingleAsync()).Name);
    }

    [Fact]
    public async Task A_new_product_is_saved_and_committed_by_the_unit_of_work()
    {
        var result = await PostAsync(typeof(Products), nameof(Products.Add), "products", """{"sku":"GADGET-1","name":"Gadget","stock":3}""");

        Assert.Equal(HttpStatusCode.Created, result.HttpResponse!.StatusCode);
        await using var db = Open();
        Assert.Equal(3, (await db.Products.SingleAsync(p => p.Sku == "GADGET-1")).Stock);
    }

    [Theory]
    [InlineData("orders", """{"sku":"WIDGET-1","quantity":""", "the value at '$.quantity' is malformed")]
    [InlineData("orders", """{"sku":"WIDGET-1","quantity":"two"}""", "the value at '$.quantity' is malformed or of the wrong type")]
    [InlineData("products", "not json", "it is not a JSON object")]
    [InlineData("products", "null", "it is empty")]
    public async Task A_malformed_body_is_a_400_problem_and_writes_nothing(string route, string body, string detail)
    {
        var functions = route == "orders" ? typeof(Orders) : typeof(Products);
        var result = await PostAsync(functions, route == "orders" ? nameof(Orders.Place) : nameof(Products.Add), route, body);

        Assert.Equal(HttpStatusCode.BadRequest, result.HttpResponse!.StatusCode);
        Assert.Equal("application/problem+json; charset=utf-8", result.HttpResponse.Header("Content-Type"));
        Assert.Contains(detail, result.HttpResponse.Body, StringComparison.Ordinal);
        await using var db = Open();
        Assert.Equal(5, (await db.Products.SingleAsync()).Stock);
        Assert.Equal(0, await db.Orders.CountAsync());
    }

    [Fact]
    public async Task A_body_sent_as_another_media_type_is_a_415_problem()
    {
        var result = await _host.InvokeAsync(
            typeof(Products).GetMethod(nameof(Products.Add))!,
            TriggerInput.Http("POST", "http://localhost/api/products", "sku=GADGET-1", headers: [new("Content-Type", "application/x-www-form-urlencoded")]));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, result.HttpResponse!.StatusCode);
        Assert.Equal("application/problem+json; charset=utf-8", result.HttpResponse.Header("Content-Type"));
    }

    private Task<FunctionTestResult> PostAsync(Type functions, string method, string route, string body) =>
        _host.InvokeAsync(functions.GetMethod(method)!, TriggerInput.Http("POST", $"http://localhost/api/{route}", body, headers: [new("Content-Type", "application/json")]));

    private ShopDb Open() => new(new DbContextOptionsBuilder<ShopDb>().UseSqlite(ConnectionString).Options);
}
