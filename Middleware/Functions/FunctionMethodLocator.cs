using System.Reflection;
using System.Runtime.Loader;
using Microsoft.Azure.Functions.Worker;

namespace YieldDeps.Functions;

/// <summary>
/// Finds the methods functions run: at startup, the <c>[Function]</c> methods of an assembly; at run time, the method
/// of a definition's entry point (<c>Namespace.Class.Method</c>) and assembly path. Both speak entry points
/// (<see cref="EntryPointOf"/>), so the plans built at startup are found again by the definitions.
/// </summary>
internal static class FunctionMethodLocator
{
    private const string FunctionAttributeName = "Microsoft.Azure.Functions.Worker.FunctionAttribute";

    public static MethodInfo Locate(FunctionDefinition definition)
    {
        var entryPoint = definition.EntryPoint;
        var dot = entryPoint.LastIndexOf('.');
        if (dot <= 0)
        {
            throw new InvalidOperationException($"Function '{definition.Name}' has an entry point '{entryPoint}' that is not of the form Type.Method.");
        }

        var typeName = entryPoint[..dot];
        var methodName = entryPoint[(dot + 1)..];
        var type = FindType(typeName, definition.PathToAssembly)
            ?? throw new InvalidOperationException($"Function '{definition.Name}': type '{typeName}' was not found.");

        var candidates = type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static)
            .Where(m => m.Name == methodName)
            .ToArray();
        return candidates.Length switch
        {
            0 => throw new InvalidOperationException($"Function '{definition.Name}': method '{methodName}' was not found on {type.FullName}."),
            1 => candidates[0],
            _ => candidates.FirstOrDefault(IsFunction)
                ?? throw new InvalidOperationException($"Function '{definition.Name}': '{methodName}' is overloaded on {type.FullName} and none is marked [Function]."),
        };
    }

    /// <summary>Gets the entry point a function definition gives for <paramref name="method"/> (<c>Namespace.Class.Method</c>), the key <see cref="Locate"/> reads.</summary>
    public static string EntryPointOf(MethodInfo method) => $"{(method.ReflectedType ?? method.DeclaringType)!.FullName}.{method.Name}";

    /// <summary>Gets the methods marked <c>[Function]</c> in an assembly, for validation at startup.</summary>
    public static IEnumerable<(string Name, MethodInfo Method)> FunctionsIn(Assembly assembly)
    {
        Type[] types;
        try
        {
            types = assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            types = e.Types.Where(t => t is not null).ToArray()!;
        }

        foreach (var type in types)
        {
            foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            {
                var attribute = method.GetCustomAttributes().FirstOrDefault(a => a.GetType().FullName == FunctionAttributeName);
                if (attribute is not null)
                {
                    var name = attribute.GetType().GetProperty("Name")?.GetValue(attribute) as string ?? method.Name;
                    yield return (name, method);
                }
            }
        }
    }

    private static bool IsFunction(MethodInfo method) =>
        method.GetCustomAttributes().Any(a => a.GetType().FullName == FunctionAttributeName);

    private static Type? FindType(string typeName, string? assemblyPath)
    {
        if (!string.IsNullOrEmpty(assemblyPath))
        {
            var fullPath = Path.GetFullPath(assemblyPath);
            var assemblyName = Path.GetFileNameWithoutExtension(fullPath);
            var loaded = AppDomain.CurrentDomain.GetAssemblies()
                .FirstOrDefault(a => !a.IsDynamic && string.Equals(a.GetName().Name, assemblyName, StringComparison.Ordinal));
            if (loaded?.GetType(typeName) is { } found)
            {
                return found;
            }

            if (loaded is null && File.Exists(fullPath))
            {
                return AssemblyLoadContext.Default.LoadFromAssemblyPath(fullPath).GetType(typeName);
            }
        }

        return AppDomain.CurrentDomain.GetAssemblies()
            .Where(a => !a.IsDynamic)
            .Select(a => a.GetType(typeName))
            .FirstOrDefault(t => t is not null);
    }
}
