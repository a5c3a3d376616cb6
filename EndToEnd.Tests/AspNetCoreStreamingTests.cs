using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using YieldDeps.EndToEnd.Tests.Contract;
using YieldDeps.EndToEnd.Tests.Infrastructure;

namespace YieldDeps.EndToEnd.Tests;

/// <summary>
/// Streamed responses in the ASP.NET Core integration, checked on the wire. The probe's stream writes and
/// flushes its first line, then waits on a gate the test opens over HTTP (<c>POST api/stream-gate/{tag}</c>),
/// so what happens in which order is shown by the gate, never by timing. Run on LocalHost by
/// <c>AspNetCoreStreamingOnLocalHostTests</c> and through the factory by <c>AspNetCoreStreamingThroughFactoryTests</c>.
/// </summary>
public abstract class AspNetCoreStreamingTests(IRunningApp fixture)
{
    private const int LineCount = 5;

    [Fact]
    public async Task TheFirstLineReachesTheClientWhileTheFunctionStillWaitsOnItsGate()
    {
        var tag = Guid.NewGuid().ToString("N");
        // Only guards against a hang: a buffering host would hold everything back until the gate opens, i.e. forever.
        using var hangGuard = new CancellationTokenSource(Eventually.DefaultTimeout);

        using var response = await fixture.Client.GetAsync($"api/stream/{tag}", HttpCompletionOption.ResponseHeadersRead, hangGuard.Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.TransferEncodingChunked);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(hangGuard.Token));

        Assert.Equal("line 1", await reader.ReadLineAsync(hangGuard.Token));

        await OpenGateAsync(tag);
        for (var line = 2; line <= LineCount; line++)
        {
            Assert.Equal($"line {line}", await reader.ReadLineAsync(hangGuard.Token));
        }

        Assert.Null(await reader.ReadLineAsync(hangGuard.Token));
        await fixture.WaitForEventAsync($"stream-finished:{tag}");
        await fixture.WaitForOutputAsync("Stream succeeded (invocation");
    }

    [Fact]
    public async Task AClientThatHangsUpMidStreamAbortsTheWorkersRequestAndLocalHostKeepsServing()
    {
        var tag = Guid.NewGuid().ToString("N");
        // A client of its own that closes the connection on hang-up rather than first draining what is left.
        using (var client = new HttpClient(new SocketsHttpHandler { MaxResponseDrainSize = 0 }) { BaseAddress = fixture.BaseAddress, Timeout = Eventually.DefaultTimeout })
        using (var response = await client.GetAsync($"api/stream/{tag}", HttpCompletionOption.ResponseHeadersRead))
        using (var reader = new StreamReader(await response.Content.ReadAsStreamAsync()))
        {
            Assert.Equal("line 1", await reader.ReadLineAsync());
        }

        // The stream is still waiting on its closed gate: only the worker's request being aborted can end it.
        await fixture.WaitForEventAsync($"stream-aborted:{tag}");
        Assert.DoesNotContain($"stream-finished:{tag}", fixture.Events());
        // As the Functions host does, LocalHost counts an execution whose response the client gave up as failed.
        await fixture.WaitForOutputAsync("Stream failed (invocation");
        await fixture.WaitForOutputAsync("ResponseBodyCanceled, the client went away while the response was sent");
        Assert.DoesNotContain("Stream cancelled: the client disconnected", fixture.Output, StringComparison.Ordinal);

        // The worker has answered the cancelled invocation, and LocalHost serves the next request as usual.
        await Eventually.WaitForAsync(
            () => fixture.Client.GetFromJsonAsync<JsonElement>("admin/host/status"),
            status => status.GetProperty("pendingInvocations").GetInt32() == 0,
            "no pending invocations");
        using var echo = await fixture.Client.GetAsync("api/echo/9");
        Assert.Equal(HttpStatusCode.OK, echo.StatusCode);
    }

    [Fact]
    public async Task AStreamThatFailsAfterItsFirstLineIsCutOffRatherThanEndedCleanly()
    {
        var tag = Guid.NewGuid().ToString("N");
        using var hangGuard = new CancellationTokenSource(Eventually.DefaultTimeout);

        using var response = await fixture.Client.GetAsync($"api/stream-fail/{tag}", HttpCompletionOption.ResponseHeadersRead, hangGuard.Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(hangGuard.Token));
        Assert.Equal("line 1", await reader.ReadLineAsync(hangGuard.Token));

        await OpenGateAsync(tag);
        var failure = await Record.ExceptionAsync(() => reader.ReadToEndAsync(hangGuard.Token));

        Assert.True(
            failure is HttpRequestException or IOException,
            $"Expected the response to break off, got {(failure is null ? "a clean end" : failure.GetType().Name)}.");
        await fixture.WaitForEventAsync($"stream-failing:{tag}");
        await fixture.WaitForOutputAsync("StreamFail failed (invocation");
    }

    [Fact]
    public async Task TheWorkersContentLengthIsPassedOnInsteadOfChunking()
    {
        using var response = await fixture.Client.GetAsync("api/status/201", HttpCompletionOption.ResponseHeadersRead);

        Assert.Equal("status 201".Length, response.Content.Headers.ContentLength);
        Assert.NotEqual(true, response.Headers.TransferEncodingChunked);
        Assert.Equal("status 201", await response.Content.ReadAsStringAsync());
    }

    private async Task OpenGateAsync(string tag)
    {
        using var opened = await fixture.Client.PostAsync($"api/stream-gate/{tag}", content: null);
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
    }
}
