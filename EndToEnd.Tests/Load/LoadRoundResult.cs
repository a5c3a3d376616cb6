namespace YieldDeps.EndToEnd.Tests.Load;

/// <summary>
/// The figures of one round, after the app has finished every invocation. The worker's memory is read after a full,
/// compacting collection: its resident set, and its managed heap. <see cref="Verified"/> and
/// <see cref="Unknown"/> are the app's counts since it started: failed commits settled by their marker, and those
/// nobody could settle.
/// </summary>
public sealed record LoadRoundResult(
    int Invocations, int Succeeded, int Rows, int Lost, int Phantom, int Leaked, long WorkerRssKb, long WorkerHeapBytes, long Verified, long Unknown, IReadOnlyList<LoadTiming> Timings);
