using System.Text.Json;
using Microsoft.AspNetCore.Http;
using ProbeShared;

namespace StreamingApp;

/// <summary>
/// The result the export function returns: the integration executes it after the function returned, and it reads the
/// rows from the session as it writes them, one JSON line each, flushed at once.
/// </summary>
public sealed class RowStream(ExportSession session, RequestStamp stamp, ExportGates gates, ProbeEvents events, string tag) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var aborted = httpContext.RequestAborted;
        httpContext.Response.ContentType = "application/x-ndjson";
        try
        {
            await using var select = session.Command("SELECT n FROM items ORDER BY n");
            await using var reader = await select.ExecuteReaderAsync(aborted);
            var first = true;
            while (await reader.ReadAsync(aborted))
            {
                var line = JsonSerializer.Serialize(new { n = reader.GetInt64(0), sessionOpen = session.IsOpen, stampClosed = stamp.Closed });
                await httpContext.Response.WriteAsync(line + "\n", aborted);
                await httpContext.Response.Body.FlushAsync(aborted);
                if (first)
                {
                    first = false;
                    await gates.WaitAsync(tag, aborted);
                }
            }

            events.Record($"stream-finished:{tag}");
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            events.Record($"stream-aborted:{tag}");
            throw;
        }
    }
}
