using System.Reflection;

namespace YieldDeps.Engine;

/// <summary>Picks the constructor used to create a class: the public one with the most parameters, as ActivatorUtilities prefers.</summary>
internal static class ConstructorSelector
{
    public static ConstructorInfo? Select(Type type) =>
        type.GetConstructors(BindingFlags.Public | BindingFlags.Instance)
            .OrderByDescending(c => c.IsDefined(typeof(Microsoft.Extensions.DependencyInjection.ActivatorUtilitiesConstructorAttribute), false))
            .ThenByDescending(c => c.GetParameters().Length)
            .FirstOrDefault();
}
