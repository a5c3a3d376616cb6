using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

using ProbeShared;

namespace AspNetCoreProbe;

/// <summary>
/// A streamed response: writes and flushes "line 1", waits for the tag's gate, then writes the other
/// lines one flush at a time, or throws instead when asked to fail. It runs after the function returned,
/// when the worker executes the result, and records what happened as probe events.
/// </summary>
internal sealed class GatedLinesResult(ProbeEvents events, string tag, bool failAfterFirstLine) : IActionResult
{
    public const int LineCount = 5;

    public async Task ExecuteResultAsync(ActionContext context)
    {
        var response = context.HttpContext.Response;
        // Only the worker's own HTTP request going away ends the wait, not the invocation's cancellation.
        var requestAborted = context.HttpContext.RequestAborted;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "text/plain; charset=utf-8";
        events.Record($"stream-started:{tag}");
        try
        {
            await WriteLineAsync(response, 1, requestAborted);
            await StreamGates.WaitAsync(tag, requestAborted);
            if (failAfterFirstLine)
            {
                events.Record($"stream-failing:{tag}");
                throw new InvalidOperationException("probe stream failure requested");
            }

            for (var line = 2; line <= LineCount; line++)
            {
                await WriteLineAsync(response, line, requestAborted);
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or IOException)
        {
            events.Record($"stream-aborted:{tag}");
            throw;
        }

        events.Record($"stream-finished:{tag}");
    }

    private static async Task WriteLineAsync(HttpResponse response, int line, CancellationToken cancellationToken)
    {
        await response.WriteAsync($"line {line}\n", cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
    }
}
