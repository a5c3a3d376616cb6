using System.Diagnostics;
using System.Globalization;

namespace YieldDeps.Benchmarks.AppStart;

/// <summary>
/// The orders sample's first start and its requests to <c>/api/ping-deps</c> (three chained yield dependencies),
/// through <c>FunctionsApplicationFactory&lt;Program&gt;</c> and under LocalHost. Every measurement runs in a fresh
/// process (so a start is a cold start), the two ways alternate run after run, and each figure of the factory is
/// reported as a ratio to LocalHost's in the same run.
/// </summary>
internal static class AppStartBenchmark
{
    public static async Task<int> Main(string[] args)
    {
        var options = Options.Parse(args);
        if (options.Child is { } way)
        {
            var measurement = way == Way.Factory
                ? await ChildRun.ThroughFactoryAsync(options.Requests)
                : await ChildRun.UnderLocalHostAsync(options.Requests);
            Console.WriteLine(measurement.ToLine());
            return 0;
        }

        Console.WriteLine($"App start: the orders sample, {options.Runs} runs of each way alternating, {options.Requests} requests a run, {Environment.ProcessorCount} cores, .NET {Environment.Version}");
        var factory = new List<Measurement>();
        var localHost = new List<Measurement>();
        for (var run = 0; run < options.Runs; run++)
        {
            // Alternate which way goes first, so neither always runs on a machine the other just warmed.
            var order = run % 2 == 0 ? new[] { Way.Factory, Way.LocalHost } : new[] { Way.LocalHost, Way.Factory };
            foreach (var next in order)
            {
                var measurement = await RunChildAsync(next, options.Requests);
                (next == Way.Factory ? factory : localHost).Add(measurement);
                Console.WriteLine($"run {run + 1} {next}: {measurement.ToLine()}");
            }
        }

        Report.Print(factory, localHost);
        return 0;
    }

    private static async Task<Measurement> RunChildAsync(Way way, int requests)
    {
        var self = typeof(AppStartBenchmark).Assembly.Location;
        var start = new ProcessStartInfo("dotnet", [self, "--child", way.ToString(), "--requests", requests.ToString(CultureInfo.InvariantCulture)])
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
            : throw new InvalidOperationException($"The {way} run failed ({process.ExitCode}):\n{await output}\n{await errors}");
    }
}
