using System.ComponentModel;
using System.Globalization;
using System.Text.Json;

namespace YieldDeps.Engine;

/// <summary>Simple values (strings, numbers, Guid, bool, dates, enums) bound by name from the trigger's binding data.</summary>
internal static class SimpleValues
{
    public static bool IsSimple(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(Guid)
            || type == typeof(DateTime) || type == typeof(DateTimeOffset) || type == typeof(TimeSpan)
            || type == typeof(DateOnly) || type == typeof(TimeOnly);
    }

    /// <summary>Converts a binding data value to <paramref name="type"/>; throws a 400 problem when it cannot.</summary>
    /// <param name="raw">The value as the host has it.</param>
    /// <param name="type">The parameter's type.</param>
    /// <param name="name">The value's name.</param>
    /// <param name="label">How the 400 problem names the value; "value of 'name'" by default.</param>
    public static object? Convert(object? raw, Type type, string name, string? label = null)
    {
        if (raw is null || type.IsInstanceOfType(raw))
        {
            return raw;
        }

        var target = Nullable.GetUnderlyingType(type) ?? type;
        try
        {
            var text = raw switch
            {
                string s => s,
                JsonElement { ValueKind: JsonValueKind.String } json => json.GetString(),
                JsonElement json => json.GetRawText(),
                IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
                _ => raw.ToString(),
            };

            if (target == typeof(string))
            {
                return text;
            }

            if (string.IsNullOrEmpty(text) && target != type)
            {
                return null;
            }

            return TypeDescriptor.GetConverter(target).ConvertFromInvariantString(text!);
        }
        catch (Exception e) when (e is FormatException or NotSupportedException or ArgumentException or OverflowException || e.InnerException is FormatException or OverflowException)
        {
            throw new HttpProblemException(400, $"The {label ?? $"value of '{name}'"} is not a valid {TypeNames.Of(type)}.", e);
        }
    }
}
