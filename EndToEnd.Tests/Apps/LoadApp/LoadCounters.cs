namespace LoadApp;

/// <summary>
/// How many sessions were entered and torn down, how many connections are open right now, and how many failed
/// commits were verified (committed or not) or stayed unknown.
/// </summary>
public sealed class LoadCounters
{
    private long _verifiedCommitted;
    private long _verifiedNotCommitted;
    private long _unknown;
    private long _entered;
    private long _exited;
    private long _openConnections;

    public long Entered => Interlocked.Read(ref _entered);

    public long Exited => Interlocked.Read(ref _exited);

    public long OpenConnections => Interlocked.Read(ref _openConnections);

    public long VerifiedCommitted => Interlocked.Read(ref _verifiedCommitted);

    public long VerifiedNotCommitted => Interlocked.Read(ref _verifiedNotCommitted);

    public long UnknownCommits => Interlocked.Read(ref _unknown);

    public void Verified(bool committed) => Interlocked.Increment(ref committed ? ref _verifiedCommitted : ref _verifiedNotCommitted);

    public void Unknown() => Interlocked.Increment(ref _unknown);

    public void Enter() => Interlocked.Increment(ref _entered);

    public void Exit() => Interlocked.Increment(ref _exited);

    public void ConnectionOpened() => Interlocked.Increment(ref _openConnections);

    public void ConnectionClosed() => Interlocked.Decrement(ref _openConnections);
}
