namespace YieldDeps.EndToEnd.Tests.Load;

/// <summary>The figures of one round, after the app has finished every invocation.</summary>
public sealed record LoadRoundResult(int Invocations, int Succeeded, int Rows, int Lost, int Phantom, int Leaked, long WorkerRssKb);
