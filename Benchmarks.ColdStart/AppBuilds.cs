using System.Diagnostics;

namespace YieldDeps.Benchmarks.ColdStart;

/// <summary>
/// Builds the apps under Apps/ in Release, or publishes them ReadyToRun, and finds each variant's output folder (the
/// one with worker.config.json). Variants built with the same properties share one artifacts folder
/// (<c>dotnet build --artifacts-path</c>: bin/, obj/ and publish/ of the app and of the library it references),
/// and each set of properties has its own, so a build with -p:YieldDepsGenerate=false never reuses, nor overwrites,
/// the default build's intermediate files, nor the ones of the repository's own build.
/// </summary>
internal sealed class AppBuilds(string root, bool readyToRun)
{
    public const string RuntimeIdentifier = "linux-x64";

    private readonly string _apps = Path.Combine(root, "Benchmarks.ColdStart", "Apps");

    private readonly string _artifacts = Path.Combine(root, "Benchmarks.ColdStart", "bin", "apps", readyToRun ? "ready-to-run" : "build");

    public string Mode => readyToRun
        ? $"ReadyToRun: dotnet publish -c Release -r {RuntimeIdentifier} --self-contained false -p:PublishReadyToRun=true"
        : "dotnet build -c Release";

    /// <summary>The repository root: the folder above this program that holds YieldDeps.sln.</summary>
    public static string FindRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "YieldDeps.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException($"No YieldDeps.sln above {AppContext.BaseDirectory}.");
    }

    /// <summary>Builds (or publishes) each variant's project with its properties, one after the other.</summary>
    public async Task BuildAsync(IEnumerable<Variant> variants)
    {
        foreach (var variant in variants)
        {
            var arguments = new List<string>
            {
                readyToRun ? "publish" : "build",
                Path.Combine(_apps, variant.Project, variant.Project + ".csproj"),
                "-c", "Release",
                "--artifacts-path", ArtifactsOf(variant),
                "-nologo",
                "-v:q",
            };
            if (readyToRun)
            {
                arguments.AddRange(["-r", RuntimeIdentifier, "--self-contained", "false", "-p:PublishReadyToRun=true"]);
            }

            arguments.AddRange(variant.Properties.Select(property => "-p:" + property));
            Console.Error.WriteLine($"{variant.Name}: dotnet {string.Join(' ', arguments.Select(Shorten))}");
            var clock = Stopwatch.StartNew();
            var (exitCode, output) = await DotnetAsync(arguments);
            if (exitCode != 0)
            {
                // The build's own output first, then what it means, so the explanation is the last thing printed.
                throw new InvalidOperationException(readyToRun
                    ? $"{output}\nPublishing {variant.Name} ReadyToRun failed (exit code {exitCode}): ReadyToRun needs the package "
                      + $"Microsoft.NETCore.App.Crossgen2.{RuntimeIdentifier} and the {RuntimeIdentifier} runtime packs from the NuGet "
                      + "feed (see the output above). Run without --ready-to-run to measure the apps as dotnet build makes them."
                    : $"{output}\nBuilding {variant.Name} failed (exit code {exitCode}); the output is above.");
            }

            Console.Error.WriteLine($"{variant.Name}: built in {clock.Elapsed.TotalSeconds:F0} s into {Shorten(OutputOf(variant))}");
        }
    }

    /// <summary>The folder with the variant's worker.config.json, from a build made before.</summary>
    public string OutputOf(Variant variant)
    {
        var tree = Path.Combine(ArtifactsOf(variant), readyToRun ? "publish" : "bin", variant.Project);
        var found = Directory.Exists(tree)
            ? Directory.GetFiles(tree, "worker.config.json", SearchOption.AllDirectories)
            : [];
        return found.Length == 1
            ? Path.GetDirectoryName(found[0])!
            : throw new InvalidOperationException(found.Length == 0
                ? $"{variant.Name} has no build output under {tree}: run without --no-build first."
                : $"{variant.Name} has {found.Length} build outputs under {tree}; delete the folder and build again.");
    }

    private string ArtifactsOf(Variant variant) => Path.Combine(_artifacts, variant.BuildKey);

    /// <summary>A path below the repository as a relative one, so the printed lines carry no machine path.</summary>
    private string Shorten(string text) => text.Replace(root + Path.DirectorySeparatorChar, string.Empty, StringComparison.Ordinal);

    private static async Task<(int ExitCode, string Output)> DotnetAsync(IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await errors);
    }
}
