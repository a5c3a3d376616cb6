using System.Diagnostics;
using System.Text.Json;
using YieldDeps.LocalHost.Hosting;

namespace YieldDeps.LocalHost.FunctionApp;

/// <summary>
/// Turns the <c>--app</c> argument into a built app: a build output folder is used as is; a project
/// folder (or .csproj) is built with <c>dotnet build</c> first, as Core Tools' <c>func start</c> does, in the given
/// configuration (Debug unless asked otherwise).
/// </summary>
internal sealed class AppLocator(HostConsole console, string configuration = HostCommandLine.DefaultConfiguration)
{
    private const string WorkerConfigFileName = "worker.config.json";

    public async Task<AppLayout> LocateAsync(string appPath, CancellationToken cancellationToken)
    {
        if (File.Exists(appPath) && appPath.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase))
        {
            return await BuildAsync(appPath, cancellationToken);
        }

        if (!Directory.Exists(appPath))
        {
            throw new StartupException($"--app '{appPath}' does not exist.", 2);
        }

        if (File.Exists(Path.Combine(appPath, WorkerConfigFileName)))
        {
            return ReadWorkerConfig(appPath, projectDirectory: null);
        }

        var projects = Directory.GetFiles(appPath, "*.csproj");
        return projects.Length switch
        {
            1 => await BuildAsync(projects[0], cancellationToken),
            0 => throw new StartupException(
                $"No function app found in '{appPath}': expected a project folder with a .csproj file " +
                $"or a build output folder with {WorkerConfigFileName}.", 2),
            _ => throw new StartupException(
                $"'{appPath}' holds several projects; pass the .csproj of the function app to --app.", 2),
        };
    }

    private async Task<AppLayout> BuildAsync(string projectFile, CancellationToken cancellationToken)
    {
        var projectDirectory = Path.GetDirectoryName(projectFile)!;
        console.Info($"building {Path.GetFileName(projectFile)} ({configuration}) ...");

        var startInfo = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = projectDirectory,
        };
        foreach (var argument in new[] { "build", projectFile, "-c", configuration, "--nologo", "-v:q", "-clp:NoSummary" })
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo) ?? throw new StartupException("Could not start 'dotnet build'.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        if (process.ExitCode != 0)
        {
            console.Raw(await output);
            console.Raw(await errors);
            throw new StartupException($"'dotnet build' of {Path.GetFileName(projectFile)} failed with exit code {process.ExitCode}.");
        }

        return ReadWorkerConfig(FindOutputDirectory(projectDirectory, configuration), projectDirectory);
    }

    /// <summary>The freshest worker.config.json under the project's bin folder marks its output folder.</summary>
    private static string FindOutputDirectory(string projectDirectory, string configuration)
    {
        var binDirectory = Path.Combine(projectDirectory, "bin", configuration);
        var newest = Directory.Exists(binDirectory)
            ? Directory.EnumerateFiles(binDirectory, WorkerConfigFileName, SearchOption.AllDirectories)
                .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}publish{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
                .OrderByDescending(File.GetLastWriteTimeUtc)
                .FirstOrDefault()
            : null;

        return newest is null
            ? throw new StartupException(
                $"The build succeeded but no {WorkerConfigFileName} was found under '{binDirectory}'. " +
                "Is this an Azure Functions isolated worker project (Microsoft.Azure.Functions.Worker.Sdk)?")
            : Path.GetDirectoryName(newest)!;
    }

    private static AppLayout ReadWorkerConfig(string outputDirectory, string? projectDirectory)
    {
        var configPath = Path.Combine(outputDirectory, WorkerConfigFileName);
        string? executable = null;
        string? workerPath = null;
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(configPath));
            if (document.RootElement.TryGetProperty("description", out var description))
            {
                executable = ReadString(description, "defaultExecutablePath");
                workerPath = ReadString(description, "defaultWorkerPath");
            }
        }
        catch (JsonException exception)
        {
            throw new StartupException($"{configPath} is not valid JSON: {exception.Message}");
        }

        if (string.IsNullOrWhiteSpace(workerPath))
        {
            throw new StartupException($"{configPath} has no description.defaultWorkerPath.");
        }

        // The Functions host expands {WorkerRoot} in these paths; so does LocalHost.
        var workerRoot = outputDirectory.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        workerPath = Path.GetFullPath(workerPath.Replace("{WorkerRoot}", workerRoot, StringComparison.Ordinal), outputDirectory);
        executable = string.IsNullOrWhiteSpace(executable) ? "dotnet" : executable.Replace("{WorkerRoot}", workerRoot, StringComparison.Ordinal);

        if (!File.Exists(workerPath))
        {
            throw new StartupException($"The worker '{workerPath}' named in {configPath} does not exist.");
        }

        return new AppLayout(outputDirectory, projectDirectory, executable, workerPath);
    }

    private static string? ReadString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
