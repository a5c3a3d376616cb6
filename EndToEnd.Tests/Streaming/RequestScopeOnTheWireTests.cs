using System.Net;
using System.Text.Json;

namespace YieldDeps.EndToEnd.Tests.Streaming;

/// <summary>
/// The request scope (SEMANTICS section 8) with the real ASP.NET Core integration, checked on the wire: rows stream
/// from a session that stays open until the response is written, and a client that hangs up leaves nothing behind.
/// Run on LocalHost by <c>RequestScopeOnTheWireOnLocalHostTests</c> and through the factory by
/// <c>RequestScopeOnTheWireThroughFactoryTests</c>.
/// </summary>
public abstract class RequestScopeOnTheWireTests(IStreamingApp fixture)
{
    private static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(30);

    private static async Task<JsonElement> ReadRowAsync(StreamReader reader)
    {
        var line = await reader.ReadLineAsync().WaitAsync(ReadTimeout) ?? throw new InvalidOperationException("The stream ended early.");
        using var row = JsonDocument.Parse(line);
        return row.RootElement.Clone();
    }

    [Fact]
    public async Task Rows_StreamWhileTheRequestScopedSessionIsOpen_TheDefaultScopedOneIsClosedAtTheFirstByte_AndTheSessionCommitsAfterTheEnd()
    {
        using var response = await fixture.Client.GetAsync("api/export/complete", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/x-ndjson", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());

        // The stream waits at its gate after this row: it can only have arrived if the response is streamed.
        var first = await ReadRowAsync(reader);
        Assert.Equal(1, first.GetProperty("n").GetInt64());
        Assert.True(first.GetProperty("sessionOpen").GetBoolean());
        Assert.True(first.GetProperty("stampClosed").GetBoolean());
        Assert.DoesNotContain("stream-finished:complete", fixture.Events());
        Assert.DoesNotContain(fixture.Events(), e => e.StartsWith("session-closed:complete", StringComparison.Ordinal));

        using (var gate = await fixture.Client.PostAsync("api/gate/complete", null))
        {
            Assert.Equal(HttpStatusCode.NoContent, gate.StatusCode);
        }

        var rest = new List<JsonElement>();
        for (var i = 0; i < 4; i++)
        {
            rest.Add(await ReadRowAsync(reader));
        }

        Assert.Null(await reader.ReadLineAsync().WaitAsync(ReadTimeout));
        Assert.Equal([2L, 3L, 4L, 5L], rest.Select(r => r.GetProperty("n").GetInt64()));
        Assert.All(rest, r => Assert.True(r.GetProperty("sessionOpen").GetBoolean()));
        await fixture.WaitForEventAsync("session-closed:complete:Succeeded");
        Assert.Contains("session-commit:complete", fixture.Events());
        Assert.Equal(1, fixture.Database.CommittedExports("complete"));
    }

    [Fact]
    public async Task AClientThatHangsUpMidStream_RollsTheSessionBack_LeavesNoTransactionOpen_AndCommitsNothing()
    {
        // A client of its own that closes its connection when the response is disposed: the shared one would first try
        // to drain the rest of the body for reuse, and that wait is not what this test is about.
        using (var client = new HttpClient(new SocketsHttpHandler { MaxResponseDrainSize = 0, PooledConnectionLifetime = TimeSpan.Zero }) { BaseAddress = fixture.Client.BaseAddress })
        using (var response = await client.GetAsync("api/export/abandoned", HttpCompletionOption.ResponseHeadersRead))
        {
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
            Assert.Equal(1, (await ReadRowAsync(reader)).GetProperty("n").GetInt64());
        }

        try
        {
            await fixture.WaitForEventAsync("session-closed:abandoned:Cancelled");
        }
        catch (TimeoutException timeout)
        {
            // What the host saw of the hang-up says on which side of it the cancellation stopped.
            throw new TimeoutException($"{timeout.Message}{Environment.NewLine}Host output:{Environment.NewLine}{fixture.Output}", timeout);
        }

        Assert.Contains("stream-aborted:abandoned", fixture.Events());
        Assert.DoesNotContain("session-commit:abandoned", fixture.Events());
        Assert.Equal(0, fixture.Database.CommittedExports("abandoned"));
        Assert.True(fixture.Database.WriteLockIsFree());

        // Not an error of the function: the worker logs it below error level, and the app goes on serving. The host,
        // as the Functions host does, counts the execution as failed: its forwarder's ResponseBodyCanceled.
        await fixture.WaitForOutputAsync("the client went away; the dependencies were rolled back");
        await fixture.WaitForOutputAsync("Export failed (invocation ");
        await fixture.WaitForOutputAsync("ResponseBodyCanceled, the client went away while the response was sent");
        using var next = await fixture.Client.PostAsync("api/gate/unused", null);
        Assert.Equal(HttpStatusCode.NoContent, next.StatusCode);
    }
}
