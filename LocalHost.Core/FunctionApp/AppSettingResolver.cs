using System.Text.RegularExpressions;

namespace YieldDeps.LocalHost.FunctionApp;

/// <summary>
/// Resolves <c>%Name%</c> placeholders in binding properties (such as a queue name) from app settings,
/// with the environment winning over local.settings.json, as for the worker.
/// </summary>
internal sealed partial class AppSettingResolver(IReadOnlyDictionary<string, string> localValues)
{
    public string? Get(string name) => Environment.GetEnvironmentVariable(name) ?? localValues.GetValueOrDefault(name);

    public string Resolve(string value) =>
        Placeholder().Replace(value, match => Get(match.Groups[1].Value) ?? match.Value);

    [GeneratedRegex("%([^%]+)%")]
    private static partial Regex Placeholder();
}
