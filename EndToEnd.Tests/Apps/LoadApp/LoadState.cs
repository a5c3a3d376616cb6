namespace LoadApp;

/// <summary>What <c>GET /api/state</c> answers.</summary>
public sealed record LoadState(
    long Entered, long Exited, long OpenConnections, long VerifiedCommitted, long VerifiedNotCommitted, long UnknownCommits, IReadOnlyDictionary<string, bool> Journal);
