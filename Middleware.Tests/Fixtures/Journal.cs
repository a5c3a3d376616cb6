using System.Collections.Concurrent;

namespace YieldDeps.Tests.Fixtures;

/// <summary>What dependencies and functions did, in order; a singleton service of each test's worker.</summary>
public sealed class Journal
{
    private readonly ConcurrentQueue<string> _entries = new();

    public IReadOnlyList<string> Entries => [.. _entries];

    public void Add(string entry) => _entries.Enqueue(entry);

    public IReadOnlyList<string> StartingWith(string prefix) => Entries.Where(e => e.StartsWith(prefix, StringComparison.Ordinal)).ToList();
}
