namespace BenchmarkApp;

/// <summary>Counts the benchmarked invocations, so memory can be sampled at given counts.</summary>
public sealed class Invocations
{
    private long _count;

    public long Count => Interlocked.Read(ref _count);

    public void Add() => Interlocked.Increment(ref _count);
}
