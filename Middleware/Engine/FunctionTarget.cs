using System.Reflection;

namespace YieldDeps.Engine;

/// <summary>The method a function runs, as the plan builder sees it.</summary>
internal sealed class FunctionTarget(string name, MethodInfo method)
{
    public string Name { get; } = name;

    public MethodInfo Method { get; } = method;

    public Type Class => Method.ReflectedType ?? Method.DeclaringType!;
}
