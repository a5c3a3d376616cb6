namespace YieldDeps.Engine;

/// <summary>One dependency instance of an invocation: its value, and what its strategy needs to exit it.</summary>
internal struct InvocationSlot
{
    public object? Value;

    public object? State;
}
