namespace YieldDeps.Engine;

/// <summary>
/// Everything decided once per function: which dependency instances exist, in which setup order, how each
/// argument is resolved, and which instance each function parameter and constructor argument receives.
/// Immutable and shared by all invocations of the function.
/// </summary>
internal sealed class InvocationPlan(
    string functionName,
    PlanNode[] nodes,
    IReadOnlyDictionary<Type, int[]> parameterSlots,
    IReadOnlyDictionary<Type, int> slotsByKey,
    ConstructorPlan? constructor,
    int overridesVersion)
{
    public string FunctionName { get; } = functionName;

    /// <summary>Gets the dependency instances in setup order; teardown runs the entered ones in reverse.</summary>
    public PlanNode[] Nodes { get; } = nodes;

    /// <summary>Gets, per dependency type, the slots handed to the function's parameters of that type in declaration order.</summary>
    public IReadOnlyDictionary<Type, int[]> ParameterSlots { get; } = parameterSlots;

    /// <summary>Gets the shared (cached) slot of each dependency type in the plan, for lookups from the context.</summary>
    public IReadOnlyDictionary<Type, int> SlotsByKey { get; } = slotsByKey;

    /// <summary>Gets how to create the function class when its constructor takes dependencies; null otherwise.</summary>
    public ConstructorPlan? Constructor { get; } = constructor;

    public int OverridesVersion { get; } = overridesVersion;

    public bool IsEmpty => Nodes.Length == 0;
}
