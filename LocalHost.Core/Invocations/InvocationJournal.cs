namespace YieldDeps.LocalHost.Invocations;

/// <summary>
/// In-memory record of finished non-HTTP invocations and poisoned messages, so tests and users can
/// observe outcomes through the admin API instead of parsing logs. Bounded, oldest first out.
/// </summary>
internal sealed class InvocationJournal
{
    private const int Capacity = 10_000;

    private readonly object gate = new();
    private readonly LinkedList<InvocationRecord> invocations = new();
    private readonly List<PoisonMessage> poisoned = [];

    public void Add(InvocationRecord record)
    {
        lock (gate)
        {
            invocations.AddLast(record);
            if (invocations.Count > Capacity)
            {
                invocations.RemoveFirst();
            }
        }
    }

    public void AddPoison(PoisonMessage message)
    {
        lock (gate)
        {
            poisoned.Add(message);
            if (poisoned.Count > Capacity)
            {
                poisoned.RemoveAt(0);
            }
        }
    }

    public IReadOnlyList<InvocationRecord> Invocations(string? function)
    {
        lock (gate)
        {
            return invocations
                .Where(record => function is null || string.Equals(record.Function, function, StringComparison.OrdinalIgnoreCase))
                .ToArray();
        }
    }

    public IReadOnlyList<PoisonMessage> Poisoned(string queue)
    {
        lock (gate)
        {
            return poisoned.Where(message => string.Equals(message.Queue, queue, StringComparison.OrdinalIgnoreCase)).ToArray();
        }
    }
}
