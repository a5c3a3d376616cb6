using Microsoft.Azure.Functions.Worker;
using YieldDeps.Functions;

namespace YieldDeps;

/// <summary>Reaches the invocation's dependencies from code that has only the <see cref="FunctionContext"/>.</summary>
public static class FunctionContextDependencyExtensions
{
    /// <summary>Gets the invocation's shared instance of the dependency keyed by <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">The type the dependency provides.</typeparam>
    /// <param name="context">The function context.</param>
    /// <returns>The dependency's value.</returns>
    /// <exception cref="InvalidOperationException">The function does not use that dependency, or its dependencies are not active.</exception>
    public static T GetDependency<T>(this FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var invocation = InvocationItems.Get(context)?.Invocation
            ?? throw new InvalidOperationException(
                $"No YieldDeps dependencies are active for function '{context.FunctionDefinition.Name}': they exist only while the invocation runs inside UseYieldDependencies.");
        if (invocation.TryGetValue(typeof(T), out var value))
        {
            return (T)value!;
        }

        if (invocation.Plan.Nodes.Any(n => n.Descriptor.Key == typeof(T)))
        {
            throw new InvalidOperationException(
                $"Function '{context.FunctionDefinition.Name}' uses dependency {typeof(T).Name} without the per-invocation cache (UseCache = false or [Fresh]): " +
                "every use has an instance of its own, so there is no single one to look up. Take it as a parameter instead.");
        }

        throw new InvalidOperationException(
            $"Function '{context.FunctionDefinition.Name}' does not use dependency {typeof(T).Name}: declare it as a parameter or with [Depends(typeof({typeof(T).Name}))].");
    }

    /// <summary>Tries to get the invocation's shared instance of the dependency keyed by <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">The type the dependency provides.</typeparam>
    /// <param name="context">The function context.</param>
    /// <param name="value">The dependency's value, when found.</param>
    /// <returns><see langword="true"/> when the function uses that dependency and it is active.</returns>
    public static bool TryGetDependency<T>(this FunctionContext context, out T? value)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (InvocationItems.Get(context)?.Invocation is { } invocation && invocation.TryGetValue(typeof(T), out var found) && found is T typed)
        {
            value = typed;
            return true;
        }

        value = default;
        return false;
    }
}
