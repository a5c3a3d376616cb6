using System.Net;
using System.Text;
using FunctionApp.Sample.EntityFrameworkCore.Data;
using Microsoft.EntityFrameworkCore;
using YieldDeps.Testing;

namespace FunctionApp.Sample.EntityFrameworkCore.Tests;

/// <summary>
/// The shop through its own Program.cs (ASP.NET Core integration, the context factory, the unit of work), run in the
/// test process by the factory, over HTTP, each test on a SQLite file of its own.
/// </summary>
public sealed class ShopFunctionTests(FunctionsApplicationFactory<Program> factory)
    : IClassFixture<FunctionsApplicationFactory<Program>>, IAsyncLifetime
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"shop-{Guid.NewGuid():N}.db");
    private FunctionsApplicationFactory<Program> _app = null!;
    private HttpClient _client = null!;

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
        _app = factory.WithSetting("ShopDb", ConnectionString);   // Program.cs reads its database from ShopDb
        _client = _app.CreateClient();
        #endregion
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
        File.Delete(_path);
    }

    [Fact]
    public async Task AnOrderCommitsItsRowAndTheStockDecrementTogether()
    {
        using var result = await PostAsync("orders", """{"sku":"WIDGET-1","quantity":2}""");

        Assert.Equal(HttpStatusCode.Created, result.StatusCode);
        await using var db = Open();
        Assert.Equal(3, (await db.Products.SingleAsync()).Stock);
        Assert.Equal(1, await db.Orders.CountAsync());
    }

    [Fact]
    public async Task AnOrderOverTheStockIs409AndTheSavedOrderRowIsRolledBack()
    {
        using var result = await PostAsync("orders", """{"sku":"WIDGET-1","quantity":99}""");

        Assert.Equal(HttpStatusCode.Conflict, result.StatusCode);
        await using var db = Open();
        Assert.Equal(5, (await db.Products.SingleAsync()).Stock);
        Assert.Equal(0, await db.Orders.CountAsync());
    }

    [Fact]
    public async Task AProductWhoseSKUIsTakenIsA409ProblemFromTheUnitOfWork()
    {
        #region duplicate-sku
        using var result = await PostAsync("products", """{"sku":"WIDGET-1","name":"Another","stock":1}""");

        Assert.Equal(HttpStatusCode.Conflict, result.StatusCode);
        Assert.Equal("application/problem+json; charset=utf-8", result.Content.Headers.ContentType?.ToString());
        #endregion
        await using var db = Open();
        Assert.Equal("Widget", (await db.Products.SingleAsync()).Name);
    }

    [Fact]
    public async Task ANewProductIsSavedAndCommittedByTheUnitOfWork()
    {
        using var result = await PostAsync("products", """{"sku":"GADGET-1","name":"Gadget","stock":3}""");

        Assert.Equal(HttpStatusCode.Created, result.StatusCode);
        await using var db = Open();
        Assert.Equal(3, (await db.Products.SingleAsync(p => p.Sku == "GADGET-1")).Stock);
    }

    [Theory]
    [InlineData("orders", """{"sku":"WIDGET-1","quantity":""", "the value at '$.quantity' is malformed")]
    [InlineData("orders", """{"sku":"WIDGET-1","quantity":"two"}""", "the value at '$.quantity' is malformed or of the wrong type")]
    [InlineData("products", "not json", "it is not a JSON object")]
    [InlineData("products", "null", "it is empty")]
    public async Task AMalformedBodyIsA400ProblemAndWritesNothing(string route, string body, string detail)
    {
        using var result = await PostAsync(route, body);

        Assert.Equal(HttpStatusCode.BadRequest, result.StatusCode);
        Assert.Equal("application/problem+json; charset=utf-8", result.Content.Headers.ContentType?.ToString());
        Assert.Contains(detail, await result.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var db = Open();
        Assert.Equal(5, (await db.Products.SingleAsync()).Stock);
        Assert.Equal(0, await db.Orders.CountAsync());
    }

    [Fact]
    public async Task ABodySentAsAnotherMediaTypeIsA415Problem()
    {
        using var result = await _client.PostAsync("/api/products", new StringContent("sku=GADGET-1", Encoding.UTF8, "application/x-www-form-urlencoded"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, result.StatusCode);
        Assert.Equal("application/problem+json; charset=utf-8", result.Content.Headers.ContentType?.ToString());
    }

    private Task<HttpResponseMessage> PostAsync(string route, string body) =>
        _client.PostAsync($"/api/{route}", new StringContent(body, Encoding.UTF8, "application/json"));

    private ShopDb Open() => new(new DbContextOptionsBuilder<ShopDb>().UseSqlite(ConnectionString).Options);
}
