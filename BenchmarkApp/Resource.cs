namespace BenchmarkApp;

/// <summary>A stand-in for a connection or a transaction with no I/O: committed on success, closed always.</summary>
public class Resource : IAsyncDisposable
{
    public bool Committed { get; private set; }

    public bool Open { get; private set; } = true;

    public void Commit() => Committed = true;

    public ValueTask DisposeAsync()
    {
        Open = false;
        return default;
    }
}
