using System.Reflection;

namespace YieldDeps.Engine;

/// <summary>Whether a parameter may go without a value: the one rule the plan builder and the startup checks share.</summary>
internal static class ParameterNullability
{
    /// <summary>
    /// Gets a value indicating whether <paramref name="parameter"/> may go without a value: it has a default value, or
    /// its type is a <see cref="Nullable{T}"/> or a reference type declared nullable.
    /// </summary>
    public static bool IsOptional(ParameterInfo parameter)
    {
        if (parameter.HasDefaultValue)
        {
            return true;
        }

        var type = parameter.ParameterType;
        return type.IsValueType
            ? Nullable.GetUnderlyingType(type) is not null
            : new NullabilityInfoContext().Create(parameter).ReadState == NullabilityState.Nullable;
    }
}
