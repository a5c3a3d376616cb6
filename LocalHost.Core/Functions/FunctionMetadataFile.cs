using System.Text.Json;
using YieldDeps.LocalHost.Hosting;
using YieldDeps.LocalHost.Rpc;

namespace YieldDeps.LocalHost.Functions;

/// <summary>
/// Reads functions.metadata, written by the Worker SDK at build time, for when the worker asks the
/// host to index functions itself (use_default_metadata_indexing).
/// </summary>
internal static class FunctionMetadataFile
{
    public const string FileName = "functions.metadata";

    public static IReadOnlyList<RpcFunctionMetadata> Read(string outputDirectory)
    {
        var path = Path.Combine(outputDirectory, FileName);
        if (!File.Exists(path))
        {
            throw new StartupException($"The worker asked for default indexing, but {path} does not exist.");
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            return document.RootElement.EnumerateArray().Select(function => ToMetadata(function, outputDirectory)).ToArray();
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException or FormatException)
        {
            throw new StartupException($"{path} could not be read: {exception.Message}");
        }
    }

    private static RpcFunctionMetadata ToMetadata(JsonElement function, string outputDirectory)
    {
        var metadata = new RpcFunctionMetadata
        {
            Name = function.GetProperty("name").GetString() ?? throw new FormatException("A function has no name."),
            ScriptFile = OptionalString(function, "scriptFile"),
            EntryPoint = OptionalString(function, "entryPoint"),
            Language = OptionalString(function, "language") is { Length: > 0 } language ? language : "dotnet-isolated",
            Directory = outputDirectory,
            FunctionId = Guid.NewGuid().ToString(),
            IsProxy = false,
        };

        if (function.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in properties.EnumerateObject())
            {
                metadata.Properties[property.Name] = AsText(property.Value);
            }
        }

        if (function.TryGetProperty("bindings", out var bindings) && bindings.ValueKind == JsonValueKind.Array)
        {
            foreach (var binding in bindings.EnumerateArray())
            {
                metadata.RawBindings.Add(binding.GetRawText());
                var name = OptionalString(binding, "name");
                metadata.Bindings[name] = ToBindingInfo(binding);
            }
        }

        return metadata;
    }

    private static BindingInfo ToBindingInfo(JsonElement binding)
    {
        var info = new BindingInfo
        {
            Type = OptionalString(binding, "type"),
            Direction = OptionalString(binding, "direction").ToLowerInvariant() switch
            {
                "out" => BindingInfo.Types.Direction.Out,
                "inout" => BindingInfo.Types.Direction.Inout,
                _ => BindingInfo.Types.Direction.In,
            },
            DataType = OptionalString(binding, "dataType").ToLowerInvariant() switch
            {
                "string" => BindingInfo.Types.DataType.String,
                "binary" => BindingInfo.Types.DataType.Binary,
                "stream" => BindingInfo.Types.DataType.Stream,
                _ => BindingInfo.Types.DataType.Undefined,
            },
        };

        if (binding.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in properties.EnumerateObject())
            {
                info.Properties[property.Name] = AsText(property.Value);
            }
        }

        return info;
    }

    private static string OptionalString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() ?? string.Empty : string.Empty;

    private static string AsText(JsonElement value) =>
        value.ValueKind == JsonValueKind.String ? value.GetString() ?? string.Empty : value.GetRawText();
}
