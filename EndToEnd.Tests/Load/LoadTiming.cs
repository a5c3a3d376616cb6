namespace YieldDeps.EndToEnd.Tests.Load;

/// <summary>When one request of a round was sent and answered (<see cref="System.Diagnostics.Stopwatch"/> timestamps), and how.</summary>
public sealed record LoadTiming(long Started, long Ended, LoadAnswer Answer);
