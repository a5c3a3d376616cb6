using System.Text.Json;
using YieldDeps.LocalHost.Hosting;

namespace YieldDeps.LocalHost.FunctionApp;

/// <summary>The <c>Values</c> of local.settings.json, which Core Tools turns into environment variables.</summary>
internal static class LocalSettings
{
    public const string FileName = "local.settings.json";

    public static IReadOnlyDictionary<string, string> LoadValues(string outputDirectory, string? projectDirectory)
    {
        var file = new[] { outputDirectory, projectDirectory }
            .Where(directory => directory is not null)
            .Select(directory => Path.Combine(directory!, FileName))
            .FirstOrDefault(File.Exists);

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (file is null)
        {
            return values;
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file), new JsonDocumentOptions
            {
                CommentHandling = JsonCommentHandling.Skip,
                AllowTrailingCommas = true,
            });
            if (document.RootElement.TryGetProperty("Values", out var section) && section.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in section.EnumerateObject())
                {
                    values[property.Name] = property.Value.ValueKind == JsonValueKind.String
                        ? property.Value.GetString() ?? string.Empty
                        : property.Value.GetRawText();
                }
            }
        }
        catch (JsonException exception)
        {
            throw new StartupException($"{file} is not valid JSON: {exception.Message}");
        }

        return values;
    }
}
