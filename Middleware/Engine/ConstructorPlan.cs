using System.Reflection;

namespace YieldDeps.Engine;

/// <summary>How to create the function class: its constructor and where each argument comes from.</summary>
internal sealed class ConstructorPlan(Type type, ConstructorInfo constructor, ArgumentSource[] arguments)
{
    public Type Type { get; } = type;

    public ArgumentSource[] Arguments { get; } = arguments;

    public Func<object?[], object?> Create { get; } = CompiledFactory.ForConstructor(constructor);
}
