namespace FunctionApp.Sample.Data;

/// <summary>
/// Counts the request-scoped connections that are open, and how many rows the last one had streamed when it was
/// released, for the diagnostics endpoint: it shows that a streamed export holds its connection to the end and no
/// longer.
/// </summary>
public sealed class StreamingConnections
{
    private long open;
    private long lastReleasedAfterRows = -1;

    /// <summary>The request-scoped connections open now.</summary>
    public long Open => Interlocked.Read(ref open);

    /// <summary>The rows the last released connection had streamed; -1 before any was released.</summary>
    public long LastReleasedAfterRows => Interlocked.Read(ref lastReleasedAfterRows);

    /// <summary>A connection was opened.</summary>
    public void Opened() => Interlocked.Increment(ref open);

    /// <summary>A connection was closed, after streaming <paramref name="rows"/> rows.</summary>
    public void Released(long rows)
    {
        Interlocked.Exchange(ref lastReleasedAfterRows, rows);
        Interlocked.Decrement(ref open);
    }
}
