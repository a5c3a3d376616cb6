using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace YieldDeps.Benchmarks.ColdStart;

/// <summary>
/// Cold start of four 50-function apps (five variants) under LocalHost: builds them, then round after round starts
/// each once in a fresh measuring process, in an order that rotates from round to round, and reports each figure per
/// variant with its difference against the variant's baseline in the same round. See README.md.
/// </summary>
internal static class ColdStartBenchmark
{
    public static async Task<int> Main(string[] args)
    {
        Options options;
        try
        {
            options = Options.Parse(args);
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }

        try
        {
            return await RunAsync(args, options);
        }
        catch (InvalidOperationException e) when (options.Child is null)
        {
            // A build that failed, an output that is missing, a run that failed: the message says which and why.
            Console.Error.WriteLine(e.Message);
            return 1;
        }
    }

    private static async Task<int> RunAsync(string[] args, Options options)
    {
        if (options.Child is not null)
        {
            Console.WriteLine((await ChildRun.RunAsync(options.ChildApp!)).ToLine());
            return 0;
        }

        var builds = new AppBuilds(AppBuilds.FindRoot(), options.ReadyToRun);
        if (options.ReadyToRun && (!OperatingSystem.IsLinux() || RuntimeInformation.OSArchitecture != Architecture.X64))
        {
            Console.Error.WriteLine($"--ready-to-run publishes for {AppBuilds.RuntimeIdentifier} only; this machine is {RuntimeInformation.RuntimeIdentifier}.");
            return 2;
        }

        if (!options.NoBuild)
        {
            await builds.BuildAsync(options.Variants.DistinctBy(variant => (variant.Project, variant.BuildKey)));
        }

        var folders = options.Variants.ToDictionary(variant => variant, builds.OutputOf);
        PrintHeader(args, options, builds);

        // One untimed start of each first: it brings each app's files into the page cache (a build just wrote them,
        // or they were last read long ago), so the first timed round is not slower for whichever variant runs first.
        foreach (var variant in options.Variants)
        {
            await RunChildAsync(variant, folders[variant]);
            Console.Error.WriteLine($"warm-up {variant.Name}: done");
        }

        var results = options.Variants.ToDictionary(variant => variant, _ => new List<Measurement>());
        for (var round = 0; round < options.Runs; round++)
        {
            foreach (var variant in Order(options.Variants, round))
            {
                var measurement = await RunChildAsync(variant, folders[variant]);
                results[variant].Add(measurement);
                Console.Error.WriteLine($"round {round + 1} {variant.Name}: {measurement.ToLine()}");
            }
        }

        Report.Print(options.Variants, results);
        return 0;
    }

    /// <summary>
    /// The variants rotated by one place each round, so that each starts first once in every cycle of as many rounds as
    /// there are variants; every other cycle runs in reverse, so no variant always follows the same one.
    /// </summary>
    private static IEnumerable<Variant> Order(IReadOnlyList<Variant> variants, int round)
    {
        var shift = round % variants.Count;
        var rotated = variants.Skip(shift).Concat(variants.Take(shift));
        return round / variants.Count % 2 == 0 ? rotated : rotated.Reverse();
    }

    private static void PrintHeader(string[] args, Options options, AppBuilds builds)
    {
        // bin/<configuration>/net10.0/ of this project.
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent?.Name ?? "Release";
        Console.WriteLine($"Command: `dotnet run -c {configuration} --project Benchmarks.ColdStart --{string.Concat(args.Select(arg => " " + arg))}`");
        Console.WriteLine($"Load: `{Uptime()}`");
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}; apps built with {builds.Mode}"));
        Console.WriteLine($"Rounds: {options.Runs}, each starting {string.Join(", ", options.Variants.Select(variant => variant.Name))} once in a fresh process, in an order that rotates, after one untimed start of each");
    }

    /// <summary>The machine's load line as <c>uptime</c> prints it (or /proc/loadavg where there is no uptime).</summary>
    private static string Uptime()
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("uptime") { RedirectStandardOutput = true })!;
            var line = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            return line;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return File.Exists("/proc/loadavg") ? "load average (/proc/loadavg): " + File.ReadAllText("/proc/loadavg").Trim() : "unknown";
        }
    }

    private static async Task<Measurement> RunChildAsync(Variant variant, string folder)
    {
        var self = typeof(ColdStartBenchmark).Assembly.Location;
        var start = new ProcessStartInfo("dotnet", [self, "--child", variant.Name, "--app", folder])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var lines = (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return process.ExitCode == 0 && lines.LastOrDefault(line => line.StartsWith(Measurement.Prefix, StringComparison.Ordinal)) is { } result
            ? Measurement.Parse(result)
            : throw new InvalidOperationException($"The {variant.Name} run failed ({process.ExitCode}):\n{await output}\n{await errors}");
    }
}
