using System.Collections.Concurrent;

namespace AspNetCoreProbe;

/// <summary>
/// Gates that hold a streamed response between its lines until a test opens them over HTTP, keyed by
/// the test's tag; either side may come first.
/// </summary>
internal static class StreamGates
{
    private static readonly ConcurrentDictionary<string, TaskCompletionSource> Gates = new();

    public static void Open(string tag) => Gate(tag).TrySetResult();

    public static async Task WaitAsync(string tag, CancellationToken cancellationToken)
    {
        try
        {
            await Gate(tag).Task.WaitAsync(cancellationToken);
        }
        finally
        {
            Gates.TryRemove(tag, out _);
        }
    }

    private static TaskCompletionSource Gate(string tag) =>
        Gates.GetOrAdd(tag, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
}
