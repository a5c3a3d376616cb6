using System.Text.Json;
using YieldDeps.LocalHost.Json;

namespace YieldDeps.LocalHost.Functions;

/// <summary>One binding of a function, read from its raw JSON (as in functions.metadata).</summary>
internal sealed class BindingDescriptor
{
    private readonly JsonElement raw;

    private BindingDescriptor(string name, string type, string direction, JsonElement raw)
    {
        Name = name;
        Type = type;
        Direction = direction;
        this.raw = raw;
    }

    public string Name { get; }

    public string Type { get; }

    /// <summary>"in", "out" or "inout", lower case.</summary>
    public string Direction { get; }

    public bool IsInput => Direction is "in" or "inout";

    public bool IsOutput => Direction is "out" or "inout";

    public bool IsTrigger => IsInput && Type.EndsWith("Trigger", StringComparison.OrdinalIgnoreCase);

    public static BindingDescriptor Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement.Clone();
        return new BindingDescriptor(
            ReadString(root, "name") ?? string.Empty,
            ReadString(root, "type") ?? string.Empty,
            (ReadString(root, "direction") ?? "in").ToLowerInvariant(),
            root);
    }

    public static BindingDescriptor FromInfo(string name, string type, string direction)
    {
        using var document = JsonDocument.Parse("{}");
        return new BindingDescriptor(name, type, direction.ToLowerInvariant(), document.RootElement.Clone());
    }

    public string? GetString(string property) => ReadString(raw, property);

    public IReadOnlyList<string>? GetStrings(string property)
    {
        if (!raw.TryGetPropertyIgnoreCase(property, out var value) || value.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        return value.EnumerateArray()
            .Where(item => item.ValueKind == JsonValueKind.String)
            .Select(item => item.GetString()!)
            .ToArray();
    }

    private static string? ReadString(JsonElement element, string property) =>
        element.TryGetPropertyIgnoreCase(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
