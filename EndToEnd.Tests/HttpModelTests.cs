using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using YieldDeps.EndToEnd.Tests.Contract;
using YieldDeps.EndToEnd.Tests.Infrastructure;

namespace YieldDeps.EndToEnd.Tests;

/// <summary>
/// The same behaviour checked for both HTTP models: the built-in HttpRequestData model (request and
/// response travel over gRPC) and the ASP.NET Core integration (request forwarded to the worker). Each model's class
/// runs twice: on LocalHost (a worker process, EndToEnd.Tests) and through FunctionsApplicationFactory (the app's
/// Program in the test process, EndToEnd.Factory/).
/// </summary>
public abstract class HttpModelTests(IRunningApp fixture, string routePrefix, int maxDequeueCount)
{
    /// <summary>LocalHost's own limit on request bodies, in both models: 100 MB.</summary>
    protected const long LocalHostBodyLimit = 100L * 1024 * 1024;

    protected IRunningApp Fixture { get; } = fixture;

    protected HttpClient Client => Fixture.Client;

    protected string Route(string path) => $"{routePrefix}/{path}";

    [Fact]
    public async Task RouteValuesQueryHeaderAndBodyReachTheFunction()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Route("echo/42/bob?q=hello%20world"))
        {
            Content = new StringContent("payload ✓", Encoding.UTF8, "text/plain"),
        };
        request.Headers.Add("X-Probe", "probe-header");

        using var response = await Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var echo = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("POST", echo.GetProperty("method").GetString());
        Assert.Equal(42, echo.GetProperty("id").GetInt32());
        Assert.Equal("bob", echo.GetProperty("name").GetString());
        Assert.Equal("hello world", echo.GetProperty("query").GetString());
        Assert.Equal("probe-header", echo.GetProperty("header").GetString());
        Assert.Equal("payload ✓", echo.GetProperty("body").GetString());
        Assert.Equal($"http://127.0.0.1:{Fixture.Port}/{Route("echo/42/bob?q=hello%20world")}", echo.GetProperty("url").GetString());
    }

    [Fact]
    public async Task AnOptionalRouteValueMayBeLeftOut()
    {
        var echo = await Client.GetFromJsonAsync<JsonElement>(Route("echo/7"));

        Assert.Equal(7, echo.GetProperty("id").GetInt32());
        Assert.Equal(JsonValueKind.Null, echo.GetProperty("name").ValueKind);
    }

    [Fact]
    public async Task AValueFailingTheRouteConstraintIsNotFound()
    {
        using var response = await Client.GetAsync(Route("echo/not-a-number"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task AnUnknownRouteIsNotFound()
    {
        using var response = await Client.GetAsync(Route("no/such/function"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task AMethodTheFunctionDoesNotAcceptIs405WithAllow()
    {
        using var response = await Client.DeleteAsync(Route("echo/1"));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["GET", "POST"], response.Content.Headers.Allow.Order());
    }

    [Theory]
    [InlineData(201)]
    [InlineData(418)]
    [InlineData(503)]
    public async Task TheFunctionSetsStatusCodeHeadersAndBody(int code)
    {
        using var response = await Client.GetAsync(Route($"status/{code}"));

        Assert.Equal(code, (int)response.StatusCode);
        Assert.Equal(code.ToString(System.Globalization.CultureInfo.InvariantCulture), Assert.Single(response.Headers.GetValues("X-Probe-Status")));
        Assert.Equal($"status {code}", await response.Content.ReadAsStringAsync());
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task AThrowingFunctionGives500WithAnEmptyBody()
    {
        using var response = await Client.GetAsync(Route("throw"));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        await Fixture.WaitForOutputAsync("probe failure requested");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ABodyOver100MBIsRefusedWith413BeforeAnythingIsInvoked(bool declareLength)
    {
        var tag = Guid.NewGuid().ToString("N");
        using var request = new HttpRequestMessage(HttpMethod.Post, Route($"body/{tag}"))
        {
            Content = new ZeroBytesContent(LocalHostBodyLimit + 1, declareLength),
        };
        // Waiting for 100-continue lets the client hear an early 413 rather than write on into a closing connection.
        request.Headers.ExpectContinue = true;

        using var response = await Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        // A small body sent next to the same function is invoked; the refused one never was.
        var next = Guid.NewGuid().ToString("N");
        using var accepted = await Client.PostAsync(Route($"body/{next}"), new ByteArrayContent(new byte[10]));
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        await Fixture.WaitForEventAsync($"body-read:{next}:10");
        Assert.DoesNotContain($"body-started:{tag}", Fixture.Events());
    }

    [Fact]
    public async Task AClientThatAbortsCancelsTheFunctionsToken()
    {
        var tag = Guid.NewGuid().ToString("N");
        using var abort = new CancellationTokenSource();

        var call = Client.GetAsync(Route($"slow/{tag}"), abort.Token);
        await Fixture.WaitForEventAsync($"started:{tag}");
        await abort.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        await Fixture.WaitForEventAsync($"cancelled:{tag}");
    }

    [Fact]
    public async Task HundredsOfConcurrentInvocationsEachGetTheirOwnResponse()
    {
        var calls = Enumerable.Range(1, 300).Select(async id =>
        {
            var echo = await Client.GetFromJsonAsync<JsonElement>(Route($"echo/{id}/n{id}?q=q{id}"));
            return (id, echo);
        });

        foreach (var (id, echo) in await Task.WhenAll(calls))
        {
            Assert.Equal(id, echo.GetProperty("id").GetInt32());
            Assert.Equal($"n{id}", echo.GetProperty("name").GetString());
            Assert.Equal($"q{id}", echo.GetProperty("query").GetString());
        }
    }

    [Fact]
    public async Task AQueueMessageThatSucceedsRunsOnce()
    {
        var message = $"ok-{Guid.NewGuid():N}";

        await Fixture.SendQueueMessageAsync("ShipOrder", message);

        var records = await WaitForInvocationsAsync(message, count: 1);
        var record = Assert.Single(records);
        Assert.Equal("Succeeded", record.GetProperty("status").GetString());
        Assert.Equal(1, record.GetProperty("attempt").GetInt32());
        await Fixture.WaitForEventAsync($"ship:{message}:1:{EventMessageId(message)}");
    }

    [Fact]
    public async Task AFailingQueueMessageIsRetriedThenPoisoned()
    {
        var message = $"fail-{Guid.NewGuid():N}";

        await Fixture.SendQueueMessageAsync("ShipOrder", message);

        var poisoned = await Eventually.WaitForAsync(
            () => Client.GetFromJsonAsync<JsonElement[]>("admin/poison/orders-to-ship-poison"),
            all => all!.Any(entry => entry.GetProperty("message").GetString() == message),
            $"{message} in the poison queue");
        var entry = poisoned!.Single(item => item.GetProperty("message").GetString() == message);
        Assert.Equal(maxDequeueCount, entry.GetProperty("dequeueCount").GetInt32());
        Assert.Equal("ShipOrder", entry.GetProperty("function").GetString());

        var attempts = await WaitForInvocationsAsync(message, maxDequeueCount);
        Assert.Equal(Enumerable.Range(1, maxDequeueCount), attempts.Select(record => record.GetProperty("attempt").GetInt32()).Order());
        Assert.All(attempts, record => Assert.Equal("Failed", record.GetProperty("status").GetString()));

        // The function itself saw DequeueCount grow, for one and the same message id.
        var seen = Fixture.Events().Where(line => line.StartsWith($"ship:{message}:", StringComparison.Ordinal)).ToArray();
        Assert.Equal(Enumerable.Range(1, maxDequeueCount), seen.Select(line => int.Parse(line.Split(':')[2], System.Globalization.CultureInfo.InvariantCulture)).Order());
        Assert.Single(seen.Select(line => line.Split(':')[3]).Distinct());
        foreach (var dequeueCount in Enumerable.Range(1, maxDequeueCount))
        {
            Assert.Contains(attempts, record => record.GetProperty("error").GetString()!.Contains($"dequeue {dequeueCount}", StringComparison.Ordinal));
        }

        await Fixture.WaitForOutputAsync($"moved to poison queue orders-to-ship-poison after {maxDequeueCount} attempts");
    }

    [Fact]
    public async Task TheAdminApiRefusesUnknownAndHttpFunctions()
    {
        using var unknown = await Client.PostAsJsonAsync("admin/functions/NoSuchFunction", new { input = "x" });
        using var http = await Client.PostAsJsonAsync("admin/functions/Echo", new { input = "x" });

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, http.StatusCode);
    }

    private async Task<JsonElement[]> WaitForInvocationsAsync(string input, int count)
    {
        var all = await Eventually.WaitForAsync(
            () => Client.GetFromJsonAsync<JsonElement[]>("admin/invocations?function=ShipOrder"),
            records => records!.Count(record => record.GetProperty("input").GetString() == input) >= count,
            $"{count} finished invocations for {input}");
        return all!.Where(record => record.GetProperty("input").GetString() == input).ToArray();
    }

    private string EventMessageId(string message) =>
        Fixture.Events().First(line => line.StartsWith($"ship:{message}:", StringComparison.Ordinal)).Split(':')[3];
}
