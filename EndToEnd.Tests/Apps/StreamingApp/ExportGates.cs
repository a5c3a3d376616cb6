using System.Collections.Concurrent;

namespace StreamingApp;

/// <summary>Holds a stream after its first row until the test opens the gate, so "the first row came before the end" is certain.</summary>
public sealed class ExportGates
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> gates = new(StringComparer.Ordinal);

    public Task WaitAsync(string tag, CancellationToken cancellationToken) => For(tag).Task.WaitAsync(cancellationToken);

    public void Open(string tag) => For(tag).TrySetResult();

    private TaskCompletionSource For(string tag) =>
        gates.GetOrAdd(tag, static _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
}
