namespace YieldDeps.Engine;

/// <summary>One dependency instance of a plan: set up in plan order, its value stored at <see cref="Slot"/>.</summary>
internal sealed class PlanNode(int slot, DependencyDescriptor descriptor, ArgumentSource[] arguments)
{
    public int Slot { get; } = slot;

    public DependencyDescriptor Descriptor { get; } = descriptor;

    public ArgumentSource[] Arguments { get; } = arguments;

    /// <summary>
    /// Gets a value indicating whether every argument is at hand without waiting (another dependency, a service, a
    /// bound value...): only values read from the host's request may have to be awaited.
    /// </summary>
    public bool ResolvesSynchronously { get; } = arguments.All(a => a.Kind is not (ArgumentKind.Context or ArgumentKind.Header));
}
