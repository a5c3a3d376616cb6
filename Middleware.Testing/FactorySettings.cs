using YieldDeps.LocalHost.FunctionApp;

namespace YieldDeps.Testing;

/// <summary>What a <see cref="FunctionsApplicationFactory{TEntryPoint}"/> gives the app as settings, and the one it must put in the environment.</summary>
internal static class FactorySettings
{
    /// <summary>
    /// The app's settings: the <c>Values</c> of local.settings.json in the app's folder, as <c>func start</c> gives them
    /// (a value the process environment already has is left to the environment, which wins there too), then the
    /// test's own settings, which win over both. None becomes an environment variable.
    /// </summary>
    public static Dictionary<string, string?> Merge(string appDirectory, bool useLocalSettings, IReadOnlyDictionary<string, string?> testSettings)
    {
        var all = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        if (useLocalSettings)
        {
            foreach (var (name, value) in LocalSettings.LoadValues(appDirectory, null))
            {
                if (Environment.GetEnvironmentVariable(name) is null)
                {
                    all[name] = value;
                }
            }
        }

        foreach (var (name, value) in testSettings)
        {
            all[name] = value;
        }

        return all;
    }

    /// <summary>
    /// The one value the worker reads from the process environment rather than from its configuration: it resolves the
    /// function's assembly against FUNCTIONS_APPLICATION_DIRECTORY when it loads a function. Set only when missing, to
    /// the app's folder, which for an app referenced by a test project is the test output folder, the same for every
    /// factory in the process.
    /// </summary>
    public static void EnsureApplicationDirectory(string appDirectory)
    {
        const string Name = "FUNCTIONS_APPLICATION_DIRECTORY";
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(Name)))
        {
            Environment.SetEnvironmentVariable(Name, appDirectory);
        }
    }
}
