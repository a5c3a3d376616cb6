namespace YieldDeps.Engine;

/// <summary>One dependency instance of a plan: set up in plan order, its value stored at <see cref="Slot"/>.</summary>
internal sealed class PlanNode(int slot, DependencyDescriptor descriptor, ArgumentSource[] arguments)
{
    public int Slot { get; } = slot;

    public DependencyDescriptor Descriptor { get; } = descriptor;

    public ArgumentSource[] Arguments { get; } = arguments;
}
