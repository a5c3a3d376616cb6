using System.Reflection;

namespace YieldDeps.Tests.Fixtures;

internal static class FunctionMethods
{
    public static MethodInfo Method<T>(string name) => Method(typeof(T), name);

    /// <summary>For static classes, which cannot be type arguments.</summary>
    public static MethodInfo Method(Type type, string name) =>
        type.GetMethod(name, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static)
        ?? throw new InvalidOperationException($"{type.Name}.{name} not found");
}
