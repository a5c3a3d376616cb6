namespace YieldDeps.EndToEnd.Tests.Load;

/// <summary>
/// One planned invocation: the row id the client chose, the fault to inject (<c>none</c>, <c>body</c> or
/// <c>commit</c>), and, for a request the client abandons, how long after sending it cancels.
/// </summary>
public sealed record LoadRequest(string Id, string Fault, TimeSpan? AbandonAfter)
{
    public const double BodyFailures = 0.30;
    public const double CommitFailures = 0.05;
    public const double Abandoned = 0.02;

    /// <summary>The same seed gives the same faults and abandons; only the ids differ by <paramref name="prefix"/>.</summary>
    public static IReadOnlyList<LoadRequest> Plan(string prefix, int count, int seed)
    {
        var random = new Random(seed);
        var requests = new List<LoadRequest>(count);
        for (var i = 0; i < count; i++)
        {
            var roll = random.NextDouble();
            var fault = roll < BodyFailures ? "body" : roll < BodyFailures + CommitFailures ? "commit" : "none";
            var abandon = random.NextDouble() < Abandoned;
            var delay = TimeSpan.FromMilliseconds(random.Next(1, 30));
            requests.Add(new LoadRequest($"{prefix}{i:D5}", fault, abandon ? delay : null));
        }

        return requests;
    }
}
