using System.Net;
using Xunit.Abstractions;

namespace YieldDeps.Testing.Tests;

/// <summary>A plain isolated-worker app (HostBuilder, built-in HTTP model, no YieldDeps) through its own Main.</summary>
public sealed class PlainAppTests : IClassFixture<PlainAppFactory>
{
    private readonly PlainAppFactory _factory;
    private readonly List<string> _lines = [];

    public PlainAppTests(PlainAppFactory factory, ITestOutputHelper output)
    {
        _factory = factory;
        _factory.Output = line =>
        {
            lock (_lines)
            {
                _lines.Add(line);
            }

            output.WriteLine(line);
        };
    }

    [Fact]
    public async Task AnHttpFunction_AnswersThroughTheHostsRoute()
    {
        using var client = _factory.CreateClient();

        using var response = await client.GetAsync("/api/hello/ada");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Hello, ada", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AWrongMethod_Is405AndAnUnknownRoute404_AsUnderTheHost()
    {
        using var client = _factory.CreateClient();

        using var post = await client.PostAsync("/api/hello/ada", new StringContent(string.Empty));
        using var unknown = await client.GetAsync("/api/nothing-here");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, post.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task TheAppsLogs_ReachTheTestOutput()
    {
        using var client = _factory.CreateClient();

        using var response = await client.GetAsync("/api/hello/grace");

        response.EnsureSuccessStatusCode();
        lock (_lines)
        {
            Assert.Contains(_lines, line => line.Contains("Greeting grace", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task AQueueFunction_RunsWithItsMessage()
    {
        var result = await _factory.InvokeAsync("Reverse", "stressed");

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(1, result.Attempts);
        Assert.Null(result.PoisonQueue);
        Assert.Equal("desserts", result.ReturnValue);
    }

    [Fact]
    public async Task AFailingQueueMessage_IsRetriedUpToMaxDequeueCountThenPoisoned()
    {
        var result = await _factory.InvokeAsync("Reverse", "bad");

        Assert.False(result.Succeeded);
        Assert.Equal("Failed", result.Status);
        Assert.Equal(3, result.Attempts);
        Assert.Equal("words-poison", result.PoisonQueue);
        Assert.Contains("Cannot reverse 'bad'.", result.Error);
    }

    [Fact]
    public async Task InvokingAnHttpFunctionOrAnUnknownOne_SaysWhatToDo()
    {
        var http = await Assert.ThrowsAsync<ArgumentException>(() => _factory.InvokeAsync("Hello"));
        var unknown = await Assert.ThrowsAsync<ArgumentException>(() => _factory.InvokeAsync("Nope"));

        Assert.Contains("CreateClient", http.Message);
        Assert.Contains("Reverse", unknown.Message);
    }
}
