namespace YieldDeps.Benchmarks.Chain;

/// <summary>
/// A stand-in for a database connection or transaction with no I/O: it is committed on success and closed always, so every
/// benchmark does the same bookkeeping and only the machinery around it differs.
/// </summary>
public abstract class Resource : IAsyncDisposable, IDisposable
{
    public bool Committed { get; private set; }

    public bool Open { get; private set; } = true;

    public void Commit() => Committed = true;

    public void Dispose() => Open = false;

    public ValueTask DisposeAsync()
    {
        Open = false;
        return default;
    }
}
