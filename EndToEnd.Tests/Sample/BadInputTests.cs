using System.Net;
using System.Text;
using System.Text.Json;

namespace YieldDeps.EndToEnd.Tests.Sample;

/// <summary>
/// Bad input to the orders service, on the wire: each gets the right 4xx problem+json, nothing is written, and no
/// response carries a stack trace, an exception's text or a .NET type name.
/// </summary>
[Collection(SampleAppCollection.Name)]
public sealed class BadInputTests(SampleAppFixture app)
{
    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? body = null, string contentType = "application/json", string? key = SampleAppFixture.ApiKey)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, contentType);
        }

        if (key is not null)
        {
            request.Headers.Add("x-api-key", key);
        }

        return await app.Client.SendAsync(request);
    }

    /// <summary>Checks the problem and that it leaks nothing of the server's inside; returns its detail.</summary>
    private static async Task<string?> ProblemAsync(HttpResponseMessage response, int status)
    {
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        foreach (var inside in new[] { "Exception", "FunctionApp.", "System.", "Microsoft.", "   at ", "OrderRequest" })
        {
            Assert.DoesNotContain(inside, text, StringComparison.Ordinal);
        }

        using var problem = JsonDocument.Parse(text);
        Assert.Equal(status, problem.RootElement.GetProperty("status").GetInt32());
        return problem.RootElement.TryGetProperty("detail", out var detail) ? detail.GetString() : null;
    }

    private async Task AssertNothingWrittenAsync(Func<Task> act)
    {
        var orders = app.OrderCount();
        var stock = app.Stock("WIDGET-1");
        await act();
        Assert.Equal(orders, app.OrderCount());
        Assert.Equal(stock, app.Stock("WIDGET-1"));
    }

    [Theory]
    [InlineData("""{"sku":""", "not a valid order")]
    [InlineData("""{"sku":"WIDGET-1","quantity":"two"}""", "'$.quantity' has the wrong type or format")]
    [InlineData("""["WIDGET-1", 2]""", "not a valid order")]
    [InlineData("""{"sku":"WIDGET-1","quantity":0}""", "'quantity' must be from 1 to 10000")]
    [InlineData("""{"quantity":1}""", "'sku' must be 1 to 64 letters, digits or dashes")]
    public async Task AMalformedOrderIs400NamingWhatIsWrongInTheClientsTerms(string body, string expected) =>
        await AssertNothingWrittenAsync(async () =>
        {
            using var response = await SendAsync(HttpMethod.Post, "api/orders", body);
            Assert.Contains(expected, await ProblemAsync(response, 400), StringComparison.Ordinal);
        });

    [Fact]
    public async Task ABodyThatIsNotJsonIs415() =>
        await AssertNothingWrittenAsync(async () =>
        {
            using var response = await SendAsync(HttpMethod.Post, "api/orders", "sku=WIDGET-1&quantity=1", "application/x-www-form-urlencoded");
            await ProblemAsync(response, 415);
        });

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key")]
    public async Task AMissingOrWrongApiKeyIs401BeforeAnythingRuns(string? key) =>
        await AssertNothingWrittenAsync(async () =>
        {
            using var response = await SendAsync(HttpMethod.Post, "api/orders", """{"sku":"WIDGET-1","quantity":1}""", key: key);
            await ProblemAsync(response, 401);
        });

    [Fact]
    public async Task SqlInABodyValueIsRefusedAsAMalformedSkuAndTheTablesAreIntact() =>
        await AssertNothingWrittenAsync(async () =>
        {
            using var response = await SendAsync(HttpMethod.Post, "api/orders", """{"sku":"WIDGET-1'; DROP TABLE orders; --","quantity":1}""");
            await ProblemAsync(response, 400);
            Assert.Equal(3, app.Scalar("SELECT COUNT(*) FROM products"));
        });

    [Theory]
    [InlineData("api/products/x'%20OR%20'1'='1", 400)]
    [InlineData("api/products/NOPE-1", 404)]
    public async Task AProductCodeInTheRouteIsCheckedBeforeItReachesAQuery(string path, int status)
    {
        using var response = await SendAsync(HttpMethod.Get, path);

        await ProblemAsync(response, status);
    }

    [Fact]
    public async Task ARouteValueOfTheWrongTypeIs400NotABare404()
    {
        using var response = await SendAsync(HttpMethod.Get, "api/orders/not-a-number");

        Assert.Equal("The order id must be a whole number.", await ProblemAsync(response, 400));
    }

    [Fact]
    public async Task AHugeClientValueIsNeverEchoedInTheResponseOrTheLog()
    {
        var huge = new string('Q', 5 * 1024 * 1024);

        await AssertNothingWrittenAsync(async () =>
        {
            using var response = await SendAsync(HttpMethod.Post, "api/orders", $$"""{"sku":"{{huge}}","quantity":1}""");
            var detail = await ProblemAsync(response, 400);
            Assert.True(response.Content.Headers.ContentLength is < 1000, $"a {response.Content.Headers.ContentLength}-byte problem");
            Assert.DoesNotContain("QQQQ", detail, StringComparison.Ordinal);
        });
        Assert.DoesNotContain(new string('Q', 100), app.Host.Output, StringComparison.Ordinal);
    }
}
