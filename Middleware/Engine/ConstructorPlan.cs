using System.Reflection;
using YieldDeps.Generated;

namespace YieldDeps.Engine;

/// <summary>How to create the function class: its constructor and where each argument comes from.</summary>
internal sealed class ConstructorPlan(Type type, ConstructorInfo constructor, ArgumentSource[] arguments)
{
    private Func<object?[], object?>? _create;

    public Type Type { get; } = type;

    public ArgumentSource[] Arguments { get; } = arguments;

    /// <summary>Gets the compiled call of the constructor, compiled on first use by the run-time engine.</summary>
    public Func<object?[], object?> Create => _create ??= CompiledFactory.ForConstructor(constructor);

    /// <summary>Gets the code the source generator wrote for the constructor; null when it wrote none.</summary>
    public GeneratedStep? Generated { get; } = GeneratedDependencySteps.Lookup(constructor, DependencyStepKind.FunctionClass);
}
