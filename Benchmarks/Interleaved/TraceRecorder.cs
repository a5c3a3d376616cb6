using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;

namespace YieldDeps.Benchmarks.Interleaved;

/// <summary>
/// Records an EventPipe trace of a measuring process from the outside: CPU samples (the sample profiler), allocation
/// ticks, and the method names to resolve the stacks with (the rundown sent when the session stops).
/// </summary>
internal sealed class TraceRecorder : IAsyncDisposable
{
    private const long GcJitLoaderKeywords = 0x1 | 0x8 | 0x10;

    private readonly EventPipeSession _session;
    private readonly Task _copy;
    private bool _stopped;

    private TraceRecorder(EventPipeSession session, string path)
    {
        _session = session;
        _copy = Task.Run(async () =>
        {
            await using var file = File.Create(path);
            await session.EventStream.CopyToAsync(file);
        });
    }

    public static async Task<TraceRecorder> StartAsync(int processId, string path)
    {
        var client = new DiagnosticsClient(processId);
        EventPipeProvider[] providers =
        [
            new("Microsoft-DotNETCore-SampleProfiler", EventLevel.Informational),
            new("Microsoft-Windows-DotNETRuntime", EventLevel.Verbose, GcJitLoaderKeywords),
        ];

        // The process opens its diagnostics port as it starts: retry for a moment.
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return new TraceRecorder(client.StartEventPipeSession(providers, requestRundown: true), path);
            }
            catch (Exception) when (attempt < 50)
            {
                await Task.Delay(100);
            }
        }
    }

    public async Task StopAsync()
    {
        if (!_stopped)
        {
            _stopped = true;
            await _session.StopAsync(CancellationToken.None);
            await _copy;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _session.Dispose();
    }
}
