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

    /// <summary>
    /// Says what a value must be in words a client understands: a 400 problem names the value, never a .NET type.
    /// </summary>
    public static string Describe(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type.IsEnum)
        {
            return $"one of: {string.Join(", ", Enum.GetNames(type))}";
        }

        return Type.GetTypeCode(type) switch
        {
            TypeCode.Byte or TypeCode.SByte or TypeCode.Int16 or TypeCode.UInt16 or TypeCode.Int32 or TypeCode.UInt32
                or TypeCode.Int64 or TypeCode.UInt64 => "a whole number in range",
            TypeCode.Single or TypeCode.Double or TypeCode.Decimal => "a number",
            TypeCode.Boolean => "true or false",
            TypeCode.Char => "a single character",
            TypeCode.DateTime => "a date and time",
            _ when type == typeof(Guid) => "a GUID",
            _ when type == typeof(DateTimeOffset) => "a date and time",
            _ when type == typeof(DateOnly) => "a date",
            _ when type == typeof(TimeOnly) => "a time of day",
            _ when type == typeof(TimeSpan) => "a duration",
            _ => "valid",
        };
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
            throw new HttpProblemException(400, $"The {label ?? $"value of '{name}'"} is not {Describe(target)}.", e);
        }
    }
}
