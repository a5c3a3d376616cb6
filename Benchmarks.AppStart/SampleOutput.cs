namespace YieldDeps.Benchmarks.AppStart;

/// <summary>
/// The sample's build output (the folder with worker.config.json), built with this project in the same configuration,
/// so LocalHost runs exactly the build the factory loads and builds nothing itself.
/// </summary>
internal static class SampleOutput
{
    public static string Find()
    {
        // bin/<configuration>/net10.0/ of this project, beside FunctionApp.Sample/ at the repository root.
        var output = new DirectoryInfo(AppContext.BaseDirectory);
        var configuration = output.Parent?.Name ?? "Release";
        var root = output;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "YieldDeps.sln")))
        {
            root = root.Parent;
        }

        var sample = root is null ? null : Path.Combine(root.FullName, "FunctionApp.Sample", "bin", configuration, "net10.0");
        return sample is not null && File.Exists(Path.Combine(sample, "worker.config.json"))
            ? sample
            : throw new InvalidOperationException($"The sample's build output was not found ({sample ?? "no YieldDeps.sln above " + output.FullName}): build this project first.");
    }
}
