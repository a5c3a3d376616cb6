using System.Collections.Concurrent;

namespace YieldDeps.Tests.HarnessTests;

/// <summary>A singleton the test functions, middleware and converters write to, so tests can see what ran and in which order.</summary>
public sealed class Recorder
{
    private readonly ConcurrentQueue<string> _events = new();

    public IReadOnlyList<string> Events => _events.ToArray();

    public ConcurrentDictionary<string, object?> Values { get; } = new();

    public void Add(string entry) => _events.Enqueue(entry);
}
