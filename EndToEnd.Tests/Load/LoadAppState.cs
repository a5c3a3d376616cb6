namespace YieldDeps.EndToEnd.Tests.Load;

/// <summary>
/// The app's <c>GET /api/state</c>: sessions entered and torn down, connections open, and the journal (each
/// invocation's id and whether its session committed).
/// </summary>
public sealed record LoadAppState(long Entered, long Exited, long OpenConnections, Dictionary<string, bool> Journal);
