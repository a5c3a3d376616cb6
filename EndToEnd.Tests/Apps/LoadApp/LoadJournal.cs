using System.Collections.Concurrent;

namespace LoadApp;

/// <summary>
/// The outcome of each invocation as its session saw it: committed, or rolled back. The session writes it after its
/// transaction has been committed or disposed, so the client can tell what became of a request it abandoned.
/// </summary>
public sealed class LoadJournal
{
    private readonly ConcurrentDictionary<string, bool> _committed = new(StringComparer.Ordinal);

    public void Record(string id, bool committed) => _committed[id] = committed;

    public IReadOnlyDictionary<string, bool> Snapshot() => new Dictionary<string, bool>(_committed, StringComparer.Ordinal);

    public void Clear() => _committed.Clear();
}
