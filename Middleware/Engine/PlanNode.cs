using YieldDeps.Generated;

namespace YieldDeps.Engine;

/// <summary>One dependency instance of a plan: set up in plan order, its value stored at <see cref="Slot"/>.</summary>
internal sealed class PlanNode(int slot, DependencyDescriptor descriptor, ArgumentSource[] arguments)
{
    public int Slot { get; } = slot;

    public DependencyDescriptor Descriptor { get; } = descriptor;

    public ArgumentSource[] Arguments { get; } = arguments;

    /// <summary>Gets the generated step that sets this dependency up and exits it; null when the plan runs on the run-time engine.</summary>
    public GeneratedStep? Step { get; private set; }

    /// <summary>Gets a value indicating whether the dependency has anything to do after the function (its descriptor's, kept here for the teardown loop).</summary>
    public bool HasTeardown { get; } = descriptor.HasTeardown;

    /// <summary>Gets a value indicating whether its teardown is its exit step and nothing else (its descriptor's, kept here for the teardown loop).</summary>
    public bool ExitsOnly { get; } = descriptor.ExitsOnly;

    /// <summary>
    /// Gets a value indicating whether every argument is at hand without waiting (another dependency, a service, a
    /// bound value...): only values read from the host's request may have to be awaited.
    /// </summary>
    public bool ResolvesSynchronously { get; } = arguments.All(a => a.Kind is not (ArgumentKind.Context or ArgumentKind.Header));

    /// <summary>Runs this node on its generated step; called once, by the plan, when every node of the plan has one.</summary>
    public void UseGeneratedStep() => Step = Descriptor.Generated;
}
