using System.Text.Json;
using Microsoft.Extensions.Configuration;

namespace YieldDeps.Testing;

/// <summary>
/// The configuration the test kit gives an app by default, as the worker would see the app's settings: appsettings.json,
/// then the <c>Values</c> of local.settings.json (the Functions host hands them to the worker as environment
/// variables), then the environment variables, which win over both as they do for the worker; the files are read from
/// the test's output folder. The test's own sources come last and win over everything.
/// </summary>
internal static class AppConfiguration
{
    public const string LocalSettingsFile = "local.settings.json";

    public static IConfigurationRoot Build(Action<IConfigurationBuilder>? configure) => Build(AppContext.BaseDirectory, configure);

    public static IConfigurationRoot Build(string directory, Action<IConfigurationBuilder>? configure)
    {
        var builder = new ConfigurationBuilder();
        var appSettings = Path.Combine(directory, "appsettings.json");
        if (File.Exists(appSettings))
        {
            builder.AddJsonFile(appSettings, optional: false, reloadOnChange: false);
        }

        builder.AddInMemoryCollection(LocalSettingsValues(Path.Combine(directory, LocalSettingsFile)));
        builder.AddEnvironmentVariables();
        configure?.Invoke(builder);
        return builder.Build();
    }

    /// <summary>The <c>Values</c> of a local.settings.json, keyed as the worker's configuration keys them (<c>__</c> is <c>:</c>).</summary>
    private static Dictionary<string, string?> LocalSettingsValues(string file)
    {
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        if (!File.Exists(file))
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
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("Values", out var section)
                && section.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in section.EnumerateObject())
                {
                    var key = property.Name.Replace("__", ConfigurationPath.KeyDelimiter, StringComparison.Ordinal);
                    values[key] = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : property.Value.GetRawText();
                }
            }
        }
        catch (JsonException exception)
        {
            throw new InvalidOperationException($"{file} is not valid JSON, so the test's configuration cannot read its Values: {exception.Message}", exception);
        }

        return values;
    }
}
