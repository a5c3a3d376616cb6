namespace YieldDeps.Engine;

/// <summary>
/// The request-scoped slots a <see cref="TeardownStack"/> keeps open for the response, last entered first, which
/// slots were torn down while one of them stays alive, and the <see cref="PendingRequestScope"/> handed to the host.
/// Created on the first slot kept, so an invocation without request-scoped dependencies pays nothing for them.
/// </summary>
internal sealed class DeferredSlots(int capacity)
{
    private readonly int[] _slots = new int[capacity];

    /// <summary>Gets the number of slots kept and not yet torn down.</summary>
    public int Count { get; private set; }

    /// <summary>Gets or sets the kept slots as handed to the host; null before the function's teardown ends and once finished.</summary>
    public PendingRequestScope? Pending { get; set; }

    /// <summary>Gets the slots torn down while a kept one stays alive; null until one is.</summary>
    public bool[]? TornDown { get; private set; }

    /// <summary>Gets the kept slot at <paramref name="index"/>, 0 being the last entered.</summary>
    public int this[int index] => _slots[index];

    /// <summary>Keeps <paramref name="slot"/> for the response.</summary>
    public void Add(int slot) => _slots[Count++] = slot;

    /// <summary>Records that every kept slot has been torn down.</summary>
    public void Clear()
    {
        Count = 0;
        Pending = null;
    }

    /// <summary>Records <paramref name="slot"/> as torn down while a kept slot may still be alive.</summary>
    public void MarkTornDown(int slot) => (TornDown ??= new bool[_slots.Length])[slot] = true;
}
