namespace LoadApp;

/// <summary>How many sessions were entered and torn down, and how many connections are open right now.</summary>
public sealed class LoadCounters
{
    private long _entered;
    private long _exited;
    private long _openConnections;

    public long Entered => Interlocked.Read(ref _entered);

    public long Exited => Interlocked.Read(ref _exited);

    public long OpenConnections => Interlocked.Read(ref _openConnections);

    public void Enter() => Interlocked.Increment(ref _entered);

    public void Exit() => Interlocked.Increment(ref _exited);

    public void ConnectionOpened() => Interlocked.Increment(ref _openConnections);

    public void ConnectionClosed() => Interlocked.Decrement(ref _openConnections);
}
