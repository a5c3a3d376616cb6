using System.Reflection;

namespace YieldDeps.Tests.Fixtures;

internal static class FunctionMethods
{
    public static MethodInfo Method<T>(string name) =>
        typeof(T).GetMethod(name, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static)
        ?? throw new InvalidOperationException($"{typeof(T).Name}.{name} not found");
}
