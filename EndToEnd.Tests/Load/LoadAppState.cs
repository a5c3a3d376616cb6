namespace YieldDeps.EndToEnd.Tests.Load;

/// <summary>
/// The app's <c>GET /api/state</c>: sessions entered and torn down, connections open, and the journal (each
/// invocation's id and whether its session committed), with the failed commits the sessions settled by their marker
/// and those they could not.
/// </summary>
public sealed record LoadAppState(
    long Entered, long Exited, long OpenConnections, long VerifiedCommitted, long VerifiedNotCommitted, long UnknownCommits, Dictionary<string, bool> Journal);
