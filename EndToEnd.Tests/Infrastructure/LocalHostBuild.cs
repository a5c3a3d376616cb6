using System.Diagnostics;

namespace YieldDeps.EndToEnd.Tests.Infrastructure;

/// <summary>Builds LocalHost once per test run and gives the path of LocalHost.dll.</summary>
public static class LocalHostBuild
{
    private static readonly Lazy<Task<string>> Built = new(BuildAsync);

    public static Task<string> EnsureBuiltAsync() => Built.Value;

    private static async Task<string> BuildAsync()
    {
        var startInfo = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryPaths.Root,
        };
        foreach (var argument in new[] { "build", RepositoryPaths.LocalHostProject, "-c", "Debug", "--nologo", "-v:q" })
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"Building LocalHost failed:{Environment.NewLine}{await output}{await errors}");
        }

        var dll = Path.Combine(RepositoryPaths.Root, "LocalHost", "bin", "Debug", "net10.0", "LocalHost.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("LocalHost.dll not found after the build.", dll);
    }
}
