namespace YieldDeps.Engine;

/// <summary>
/// Everything decided once per function: which dependency instances exist, in which setup order, how each
/// argument is resolved, and which instance each function parameter and constructor argument receives.
/// Immutable and shared by all invocations of the function.
/// </summary>
internal sealed class InvocationPlan(
    DependencyCatalog catalog,
    string functionName,
    PlanNode[] nodes,
    IReadOnlyDictionary<Type, int[]> parameterSlots,
    IReadOnlyDictionary<Type, int> slotsByKey,
    ConstructorPlan? constructor,
    IReadOnlySet<Type> serviceParameters,
    bool suppliesOutcome,
    int overridesVersion)
{
    /// <summary>Gets the registrations the plan was built from, with the app-wide rules and the host.</summary>
    public DependencyCatalog Catalog { get; } = catalog;

    public string FunctionName { get; } = functionName;

    /// <summary>Gets the dependency instances in setup order; teardown runs the entered ones in reverse.</summary>
    public PlanNode[] Nodes { get; } = nodes;

    /// <summary>Gets, per dependency type, the slots handed to the function's parameters of that type in declaration order.</summary>
    public IReadOnlyDictionary<Type, int[]> ParameterSlots { get; } = parameterSlots;

    /// <summary>Gets the shared (cached) slot of each dependency type in the plan, for lookups from the context.</summary>
    public IReadOnlyDictionary<Type, int> SlotsByKey { get; } = slotsByKey;

    /// <summary>Gets how to create the function class when its constructor takes dependencies; null otherwise.</summary>
    public ConstructorPlan? Constructor { get; } = constructor;

    /// <summary>Gets the types of the function's parameters that are services of the invocation scope, handed over by YieldDeps.</summary>
    public IReadOnlySet<Type> ServiceParameters { get; } = serviceParameters;

    /// <summary>Gets a value indicating whether a function parameter asks for the <see cref="InvocationOutcome"/>.</summary>
    public bool SuppliesOutcome { get; } = suppliesOutcome;

    public int OverridesVersion { get; } = overridesVersion;

    /// <summary>Gets a value indicating whether a dependency of the plan is torn down only after the response was written.</summary>
    public bool HasRequestScoped { get; } = nodes.Any(n => n.Descriptor.Scope == DependencyScope.Request);

    /// <summary>
    /// Gets, per EF Core context type the app let through without a unit of work and the plan hands over as a service,
    /// the check of its unsaved changes; null when there is none.
    /// </summary>
    public IReadOnlyDictionary<Type, Func<object, bool>>? UnsavedChangesProbes { get; init; }

    /// <summary>
    /// Gets a value indicating whether the plan runs on the code the source generator wrote: every dependency it sets
    /// up, and the function class's constructor when it takes some, has generated code, and the app uses it.
    /// </summary>
    public bool Generated { get; } = ChooseGeneratedCode(catalog, nodes, constructor);

    /// <summary>Gets why the plan runs on the run-time engine, for the log; null when it runs on generated code.</summary>
    public string? RuntimeReason => Generated ? null
        : !Catalog.UsesGeneratedCode ? "generated code is turned off (UseGeneratedCode, or the setting YieldDeps:GeneratedCode)"
        : Nodes.FirstOrDefault(n => n.Descriptor.Generated is null) is { } node
            ? $"the generator wrote no code for dependency {node.Descriptor.Display} (a lambda, an instance method, an override, or a registration it could not see)"
            : $"the generator wrote no code for the constructor of {TypeNames.Of(Constructor!.Type)}";

    /// <summary>Gets a value indicating whether the invocation needs nothing from YieldDeps: no dependency and no parameter it supplies.</summary>
    public bool IsEmpty => Nodes.Length == 0 && ServiceParameters.Count == 0 && !SuppliesOutcome && UnsavedChangesProbes is null;

    private static bool ChooseGeneratedCode(DependencyCatalog catalog, PlanNode[] nodes, ConstructorPlan? constructor)
    {
        var generated = catalog.UsesGeneratedCode && nodes.All(n => n.Descriptor.Generated is not null) && constructor is null or { Generated: not null };
        if (generated)
        {
            foreach (var node in nodes)
            {
                node.UseGeneratedStep();
            }
        }

        return generated;
    }
}
