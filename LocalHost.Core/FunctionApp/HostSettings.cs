using System.Globalization;
using System.Text.Json;
using YieldDeps.LocalHost.Json;
using YieldDeps.LocalHost.Hosting;

namespace YieldDeps.LocalHost.FunctionApp;

/// <summary>
/// The few host.json settings LocalHost honours. As in the Functions host, an environment variable
/// named <c>AzureFunctionsJobHost__path__to__setting</c> overrides the file.
/// </summary>
internal sealed record HostSettings(string RoutePrefix, int MaxDequeueCount, TimeSpan? FunctionTimeout)
{
    public const string DefaultRoutePrefix = "api";
    public const int DefaultMaxDequeueCount = 5;

    /// <summary>The Functions host's default for Functions Premium and Dedicated plans (and Core Tools).</summary>
    public static readonly TimeSpan DefaultFunctionTimeout = TimeSpan.FromMinutes(30);

    public static HostSettings Load(string outputDirectory, string? projectDirectory, Func<string, string?> environment)
    {
        var file = new[] { outputDirectory, projectDirectory }
            .Where(directory => directory is not null)
            .Select(directory => Path.Combine(directory!, "host.json"))
            .FirstOrDefault(File.Exists);

        JsonElement root = default;
        if (file is not null)
        {
            try
            {
                using var document = JsonDocument.Parse(File.ReadAllText(file), new JsonDocumentOptions
                {
                    CommentHandling = JsonCommentHandling.Skip,
                    AllowTrailingCommas = true,
                });
                root = document.RootElement.Clone();
            }
            catch (JsonException exception)
            {
                throw new StartupException($"{file} is not valid JSON: {exception.Message}");
            }
        }

        var routePrefix = Read(root, environment, "extensions", "http", "routePrefix") ?? DefaultRoutePrefix;

        var maxDequeueText = Read(root, environment, "extensions", "queues", "maxDequeueCount");
        var maxDequeueCount = DefaultMaxDequeueCount;
        if (maxDequeueText is not null
            && (!int.TryParse(maxDequeueText, NumberStyles.Integer, CultureInfo.InvariantCulture, out maxDequeueCount) || maxDequeueCount < 1))
        {
            throw new StartupException($"extensions.queues.maxDequeueCount must be a positive integer, not '{maxDequeueText}'.");
        }

        var timeoutText = Read(root, environment, "functionTimeout");
        TimeSpan? functionTimeout = DefaultFunctionTimeout;
        if (timeoutText is not null)
        {
            if (!TimeSpan.TryParse(timeoutText, CultureInfo.InvariantCulture, out var parsed))
            {
                throw new StartupException($"functionTimeout must be a time span such as 00:05:00, not '{timeoutText}'.");
            }

            // -1 means no timeout in host.json.
            functionTimeout = parsed < TimeSpan.Zero ? null : parsed;
        }

        return new HostSettings(routePrefix.Trim('/'), maxDequeueCount, functionTimeout);
    }

    private static string? Read(JsonElement root, Func<string, string?> environment, params string[] path)
    {
        var overridden = environment("AzureFunctionsJobHost__" + string.Join("__", path));
        if (overridden is not null)
        {
            return overridden;
        }

        var current = root;
        foreach (var segment in path)
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetPropertyIgnoreCase(segment, out current))
            {
                return null;
            }
        }

        return current.ValueKind switch
        {
            JsonValueKind.String => current.GetString(),
            JsonValueKind.Number => current.GetRawText(),
            _ => null,
        };
    }
}
