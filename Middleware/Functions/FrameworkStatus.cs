using System.Collections.Concurrent;
using System.Reflection;

namespace YieldDeps.Functions;

/// <summary>
/// Reads the HTTP status an exception of the web framework already carries, such as ASP.NET Core's
/// <c>BadHttpRequestException</c> (413 for a body over the size limit, 400 for a malformed request). Only exceptions
/// from <c>Microsoft.AspNetCore</c> count: a status on an exception of another library (an outgoing call that got a
/// 404, say) describes someone else's response, not this request.
/// </summary>
internal static class FrameworkStatus
{
    private const string FrameworkNamespace = "Microsoft.AspNetCore.";

    private static readonly ConcurrentDictionary<Type, PropertyInfo?> StatusProperties = new();

    public static int? Of(Exception exception)
    {
        var type = exception.GetType();
        if (type.Namespace is not { } ns || !ns.StartsWith(FrameworkNamespace, StringComparison.Ordinal))
        {
            return null;
        }

        var property = StatusProperties.GetOrAdd(type, FindStatusProperty);
        return property?.GetValue(exception) is int status and >= 400 and <= 599 ? status : null;
    }

    // Walks up the hierarchy: Kestrel's own BadHttpRequestException redeclares the StatusCode of the one it derives from.
    private static PropertyInfo? FindStatusProperty(Type type)
    {
        for (var current = type; current is not null && current != typeof(Exception); current = current.BaseType)
        {
            if (current.GetProperty("StatusCode", BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly) is { PropertyType: var p } found && p == typeof(int))
            {
                return found;
            }
        }

        return null;
    }
}
