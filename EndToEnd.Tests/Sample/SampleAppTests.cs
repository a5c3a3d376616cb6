using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using YieldDeps.EndToEnd.Tests.Infrastructure;

namespace YieldDeps.EndToEnd.Tests.Sample;

/// <summary>The orders service, driven over real HTTP through LocalHost and the real worker, with the database checked after each call.</summary>
[Collection(SampleAppCollection.Name)]
public sealed class SampleAppTests(SampleAppFixture app)
{
    private Task<HttpResponseMessage> PostOrderAsync(string body, string? key = SampleAppFixture.ApiKey)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "api/orders") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (key is not null)
        {
            request.Headers.Add("x-api-key", key);
        }

        return app.Client.SendAsync(request);
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, int status)
    {
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var problem = document.RootElement.Clone();
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        return problem;
    }

    [Fact]
    public async Task ABodyOverTheWorkersLimitKeepsTheServers413AsProblemJsonAndWritesNothing()
    {
        // The worker's own server (ASP.NET Core integration) takes bodies up to 30,000,000 bytes; LocalHost takes 100 MB.
        // Sent at once, without Expect: 100-continue (HttpClient's default, said here on purpose), and forwarded so by
        // LocalHost as by the Functions host: the worker drains the refused body before it answers, or the host's
        // forwarding breaks off and the client gets an empty 500.
        var orders = app.OrderCount();
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/orders") { Content = new ByteArrayContent(new byte[35 * 1024 * 1024]) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.Add("x-api-key", SampleAppFixture.ApiKey);
        request.Headers.ExpectContinue = false;

        using var response = await app.Client.SendAsync(request);

        var problem = await ProblemAsync(response, 413);
        Assert.Equal("Content Too Large", problem.GetProperty("title").GetString());
        Assert.Equal(orders, app.OrderCount());
    }

    [Fact]
    public async Task CreatingAnOrderCommitsTheOrderAndTheStockDecrementTogether()
    {
        var stock = app.Stock("WIDGET-1");
        var orders = app.OrderCount();

        using var response = await PostOrderAsync("""{"sku":"WIDGET-1","quantity":2}""");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var order = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = order.GetProperty("id").GetInt64();
        Assert.Equal("WIDGET-1", order.GetProperty("sku").GetString());
        Assert.Equal(2, order.GetProperty("quantity").GetInt32());
        Assert.Equal($"/api/orders/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal(orders + 1, app.OrderCount());
        Assert.Equal(stock - 2, app.Stock("WIDGET-1"));
        Assert.Equal(2, app.Scalar("SELECT quantity FROM orders WHERE id = $id", ("$id", id)));
    }

    [Fact]
    public async Task NotEnoughStockIs409AndRollsBackTheOrderInsert()
    {
        var stock = app.Stock("WIDGET-1");
        var orders = app.OrderCount();

        using var response = await PostOrderAsync("""{"sku":"WIDGET-1","quantity":9999}""");

        var problem = await ProblemAsync(response, 409);
        Assert.Equal("Conflict", problem.GetProperty("title").GetString());
        Assert.Contains("Not enough stock of 'WIDGET-1'", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(orders, app.OrderCount());
        Assert.Equal(stock, app.Stock("WIDGET-1"));

        // The function answered (with a problem), so the host records a successful execution, as the Functions host does.
        await app.Host.WaitForOutputAsync($"CreateOrder succeeded (invocation {problem.GetProperty("invocationId").GetString()})");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key")]
    public async Task AMissingOrWrongApiKeyIs401BeforeTheBodyRunsAndTouchesNothing(string? key)
    {
        var stock = app.Stock("WIDGET-1");
        var orders = app.OrderCount();

        using var response = await PostOrderAsync("""{"sku":"WIDGET-1","quantity":1}""", key);

        await ProblemAsync(response, 401);
        Assert.Equal("ApiKey header=\"x-api-key\"", response.Headers.WwwAuthenticate.ToString());
        Assert.Equal(orders, app.OrderCount());
        Assert.Equal(stock, app.Stock("WIDGET-1"));
    }

    [Fact]
    public async Task AnUnknownSkuIs404AndInsertsNothing()
    {
        var orders = app.OrderCount();

        using var response = await PostOrderAsync("""{"sku":"NO-SUCH-SKU","quantity":1}""");

        await ProblemAsync(response, 404);
        Assert.Equal(orders, app.OrderCount());
    }

    [Theory]
    [InlineData("""{"sku":"WIDGET-1","quantity":""")]
    [InlineData("""{"sku":"WIDGET-1","quantity":0}""")]
    [InlineData("""{"sku":"WIDGET-1","quantity":-3}""")]
    [InlineData("""{"quantity":1}""")]
    public async Task AMalformedBodyOrAQuantityBelowOneIs400(string body)
    {
        var orders = app.OrderCount();

        using var response = await PostOrderAsync(body);

        await ProblemAsync(response, 400);
        Assert.Equal(orders, app.OrderCount());
    }

    [Fact]
    public async Task AnOrderCanBeReadBackAndAnUnknownOneIs404()
    {
        using var created = await PostOrderAsync("""{"sku":"WIDGET-1","quantity":1}""");
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();

        using var found = new HttpRequestMessage(HttpMethod.Get, $"api/orders/{id}") { Headers = { { "x-api-key", SampleAppFixture.ApiKey } } };
        using var foundResponse = await app.Client.SendAsync(found);
        using var missing = new HttpRequestMessage(HttpMethod.Get, "api/orders/999999") { Headers = { { "x-api-key", SampleAppFixture.ApiKey } } };
        using var missingResponse = await app.Client.SendAsync(missing);

        Assert.Equal(HttpStatusCode.OK, foundResponse.StatusCode);
        Assert.Equal(id, (await foundResponse.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64());
        await ProblemAsync(missingResponse, 404);
    }

    [Fact]
    public async Task AProductShowsItsStock()
    {
        using var response = await app.Client.GetAsync("api/products/WIDGET-1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var product = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("WIDGET-1", product.GetProperty("sku").GetString());
        Assert.Equal(app.Stock("WIDGET-1"), product.GetProperty("stock").GetInt64());
    }

    [Fact]
    public async Task PingAndPingWithThreeChainedDependenciesAnswer()
    {
        using var ping = await app.Client.GetAsync("api/ping");
        using var pingDeps = await app.Client.GetAsync("api/ping-deps");

        Assert.Equal(HttpStatusCode.OK, ping.StatusCode);
        Assert.Equal(3, (await pingDeps.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("depth").GetInt32());
    }

    [Fact]
    public async Task ConcurrentOrdersNeverOversellAndEveryCommittedOrderHasItsRow()
    {
        var stock = (int)app.Stock("GADGET-1");
        var orders = app.OrderCount();
        var attempts = stock + 6;

        var responses = await Task.WhenAll(Enumerable.Range(0, attempts).Select(_ => PostOrderAsync("""{"sku":"GADGET-1","quantity":1}""")));

        Assert.Equal(stock, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(attempts - stock, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        Assert.Equal(0, app.Stock("GADGET-1"));
        Assert.Equal(orders + stock, app.OrderCount());
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task ShippingAKnownOrderMarksItShippedAndLogsOneShipment()
    {
        using var created = await PostOrderAsync("""{"sku":"WIDGET-1","quantity":1}""");
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();

        using var accepted = await app.Client.PostAsJsonAsync("admin/functions/ShipOrder", new { input = id.ToString(System.Globalization.CultureInfo.InvariantCulture) });

        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        await Eventually.WaitForAsync(() => app.Scalar("SELECT shipped FROM orders WHERE id = $id", ("$id", id)) == 1, $"order {id} shipped");
        Assert.Equal(1, app.Scalar("SELECT COUNT(*) FROM shipment_log WHERE order_id = $id", ("$id", id)));
    }

    [Fact]
    public async Task RequestingAShipmentIs202AndTheEnqueuedOrderIdReachesShipOrderWhichShipsIt()
    {
        using var created = await PostOrderAsync("""{"sku":"WIDGET-1","quantity":1}""");
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"api/orders/{id}/ship");
        request.Headers.Add("x-api-key", SampleAppFixture.ApiKey);

        using var accepted = await app.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        await Eventually.WaitForAsync(() => app.Scalar("SELECT shipped FROM orders WHERE id = $id", ("$id", id)) == 1, $"order {id} shipped");
        Assert.Equal(1, app.Scalar("SELECT COUNT(*) FROM shipment_log WHERE order_id = $id", ("$id", id)));
        await app.Host.WaitForOutputAsync("RequestShipment enqueued a message on orders-to-ship for ShipOrder");
    }

    [Fact]
    public async Task ShippingAnUnknownOrderIsRetriedThenPoisonedAndLeavesNoShipmentLogRow()
    {
        const long unknown = 424242;

        using var accepted = await app.Client.PostAsJsonAsync("admin/functions/ShipOrder", new { input = unknown.ToString(System.Globalization.CultureInfo.InvariantCulture) });

        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var poisoned = await Eventually.WaitForAsync(
            async () => await app.Client.GetFromJsonAsync<JsonElement>("admin/poison/orders-to-ship-poison"),
            list => list.EnumerateArray().Any(m => m.GetProperty("message").GetString() == "424242"),
            "the unknown order's message in the poison queue");
        var message = poisoned.EnumerateArray().Single(m => m.GetProperty("message").GetString() == "424242");
        Assert.Equal(5, message.GetProperty("dequeueCount").GetInt32());

        var attempts = await app.Client.GetFromJsonAsync<JsonElement>("admin/invocations?function=ShipOrder");
        Assert.Equal(5, attempts.EnumerateArray().Count(a => a.GetProperty("input").GetString() == "424242" && a.GetProperty("status").GetString() == "Failed"));
        Assert.Equal(0, app.Scalar("SELECT COUNT(*) FROM shipment_log WHERE order_id = $id", ("$id", unknown)));

        // The trigger queue's name lists its poison queue too.
        var byTriggerQueue = await app.Client.GetFromJsonAsync<JsonElement>("admin/poison/orders-to-ship");
        Assert.Equal("orders-to-ship-poison", byTriggerQueue.EnumerateArray().Single(m => m.GetProperty("message").GetString() == "424242").GetProperty("queue").GetString());
    }

    [Fact]
    public async Task AskingForThePoisonMessagesOfAQueueNoFunctionReadsIsA404NamingThePoisonQueues()
    {
        using var response = await app.Client.GetAsync("admin/poison/orders");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var detail = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString();
        Assert.Equal("No queue-triggered function reads 'orders' or has it as its poison queue. Poison queues: orders-to-ship-poison.", detail);
    }

    [Fact]
    public async Task TheWorkerLogsNameTheDependencyThatRolledBack()
    {
        using var response = await PostOrderAsync("""{"sku":"WIDGET-1","quantity":9999}""");

        await app.Host.WaitForOutputAsync("dependency 'DatabaseSession.Open' exited with an exception in flight (rolled back)");
    }
}
