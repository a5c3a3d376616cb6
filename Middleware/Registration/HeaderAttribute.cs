namespace YieldDeps;

/// <summary>
/// Binds a parameter of a dependency to a request header, by the header's name: a simple value (string, number,
/// Guid, bool, date, enum) converted like route and query values. A missing header is a 400 problem naming it,
/// unless the parameter is optional (a default value or a nullable type); a value that does not convert is a 400
/// problem naming the header.
/// </summary>
/// <example><c>public static ApiCaller Require([Header("x-api-key")] string apiKey, ApiKeySettings settings)</c></example>
/// <param name="name">The header's name, matched without regard to case.</param>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class HeaderAttribute(string name) : Attribute
{
    /// <summary>Gets the header's name.</summary>
    public string Name { get; } = string.IsNullOrWhiteSpace(name) ? throw new ArgumentException("A header name is required.", nameof(name)) : name;
}
