namespace YieldDeps.EndToEnd.Tests.Infrastructure;

/// <summary>Finds folders of this repository from the test assembly's location.</summary>
public static class RepositoryPaths
{
    private static readonly Lazy<string> RootValue = new(FindRoot);

    /// <summary>The repository root: the nearest ancestor holding LocalHost/LocalHost.csproj.</summary>
    public static string Root => RootValue.Value;

    /// <summary>The folder of a probe app under EndToEnd.Tests/Apps.</summary>
    public static string ProbeApp(string name) => Path.Combine(Root, "EndToEnd.Tests", "Apps", name);

    /// <summary>Where LocalHost builds a probe app (Debug, net10.0).</summary>
    public static string ProbeAppOutput(string name) => Path.Combine(ProbeApp(name), "bin", "Debug", "net10.0");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "LocalHost", "LocalHost.csproj")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No LocalHost/LocalHost.csproj above {AppContext.BaseDirectory}.");
    }
}
