using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text;

namespace YieldDeps.Benchmarks.Interleaved;

/// <summary>
/// The interleaved mode: runs a suite in several fresh processes one after the other, each running every variant in
/// short batches in shuffled order, round after round, and prints per variant the median time and allocation, and
/// the median and spread of its ratio to the baseline batch of the same round (adjacent in time, so a machine that
/// speeds up or slows down between rounds moves both alike).
/// </summary>
internal static class InterleavedRunner
{
    private const string Usage =
        "--interleaved [overhead|pipeline]... [--processes N (3)] [--rounds N (15)] [--batch-ms N (20)] [--wall-clock] " +
        "[--group TEXT (groups whose name contains it)] [--variants A,B (and the baseline)] [--profile FILE.nettrace (one process, CPU samples and allocations)]";

    public static async Task<int> MainAsync(string[] args)
    {
        if (args.Length > 0 && args[0] == "--interleaved-worker")
        {
            return await InterleavedWorker.RunAsync(
                args[1], int.Parse(args[2], CultureInfo.InvariantCulture), double.Parse(args[3], CultureInfo.InvariantCulture), int.Parse(args[4], CultureInfo.InvariantCulture),
                wallClock: args[5] == "--wall-clock", groupFilter: args[6], variantFilter: args[7], hold: args[8] == "--hold");
        }

        var suites = new List<string>();
        var processes = 3;
        var rounds = 15;
        var batchMs = 20.0;
        var wallClock = false;
        var groupFilter = "*";
        var variantFilter = "*";
        string? profile = null;
        for (var i = 1; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--processes":
                    processes = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--rounds":
                    rounds = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--wall-clock":
                    wallClock = true;
                    BatchClock.UseThreadCpuTime = false;
                    break;
                case "--group":
                    groupFilter = args[++i];
                    break;
                case "--variants":
                    variantFilter = args[++i];
                    break;
                case "--profile":
                    profile = Path.GetFullPath(args[++i]);
                    processes = 1;
                    break;
                case "--batch-ms":
                    batchMs = double.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case var suite when InterleavedSuites.Names.Contains(suite):
                    suites.Add(suite);
                    break;
                default:
                    Console.Error.WriteLine($"Unknown argument '{args[i]}'. Usage: {Usage}");
                    return 2;
            }
        }

        if (suites.Count == 0)
        {
            suites.AddRange(InterleavedSuites.Names);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Interleaved: {processes} processes x {rounds} rounds, batches of about {batchMs} ms timed by {BatchClock.Description}, {Environment.ProcessorCount} cores, .NET {Environment.Version}"));
        foreach (var suite in suites)
        {
            var samples = new List<Sample>();
            for (var p = 0; p < processes; p++)
            {
                samples.AddRange(await RunProcessAsync(suite, p, rounds, batchMs, wallClock, groupFilter, variantFilter, profile));
            }

            Console.WriteLine();
            Console.WriteLine(Report(suite, samples));
            if (profile is not null)
            {
                Console.WriteLine($"Profile of suite {suite}: {profile}");
                TraceSummary.Run(profile, focus: null, top: 30);
            }
        }

        return 0;
    }

    private static async Task<List<Sample>> RunProcessAsync(
        string suite, int process, int rounds, double batchMs, bool wallClock, string groupFilter, string variantFilter, string? profile)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, RedirectStandardInput = true };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            start.ArgumentList.Add(Assembly.GetEntryAssembly()!.Location);
        }

        foreach (var arg in new[] { "--interleaved-worker", suite, rounds.ToString(CultureInfo.InvariantCulture), batchMs.ToString(CultureInfo.InvariantCulture), (1000 + process).ToString(CultureInfo.InvariantCulture), wallClock ? "--wall-clock" : "-", groupFilter, variantFilter, profile is null ? "-" : "--hold" })
        {
            start.ArgumentList.Add(arg);
        }

        using var child = Process.Start(start)!;
        await using var profiler = profile is null ? null : await TraceRecorder.StartAsync(child.Id, profile);
        var samples = new List<Sample>();
        while (await child.StandardOutput.ReadLineAsync() is { } line)
        {
            if (line == InterleavedWorker.HoldLine)
            {
                await profiler!.StopAsync();
                await child.StandardInput.WriteLineAsync();
                continue;
            }

            if (!line.StartsWith(InterleavedWorker.SamplePrefix, StringComparison.Ordinal))
            {
                Console.WriteLine(line);
                continue;
            }

            var f = line.Split('\t');
            samples.Add(new Sample(f[1], int.Parse(f[2], CultureInfo.InvariantCulture), f[3], process, int.Parse(f[4], CultureInfo.InvariantCulture),
                double.Parse(f[5], CultureInfo.InvariantCulture), double.Parse(f[6], CultureInfo.InvariantCulture)));
        }

        await child.WaitForExitAsync();
        if (child.ExitCode != 0)
        {
            throw new InvalidOperationException($"The measuring process of suite '{suite}' exited with code {child.ExitCode}.");
        }

        Console.Error.WriteLine($"suite {suite}: process {process + 1} done");
        return samples;
    }

    private static string Report(string suite, List<Sample> samples)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Suite {suite}: ratios are per round against the baseline's batch of the same round; p25-p75 their spread; extra is the time over the baseline; / ScopedServices is the per-round ratio to ScopedServices; added / UnitOfWork's is, per round, the time over the bare worker divided by the unit-of-work middleware's.");
        text.AppendLine();
        text.AppendLine("| group | variant | ns/op | ratio | ratio p25-p75 | extra ns | B/op | / ScopedServices | added / UnitOfWork's |");
        text.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var group in samples.GroupBy(s => s.Group))
        {
            var byRound = group.GroupBy(s => (s.Process, s.Round)).Select(r => r.ToDictionary(s => s.Variant)).ToList();
            var variants = group.OrderBy(s => s.Index).Select(s => s.Variant).Distinct().ToList();
            var baseline = variants[0];
            foreach (var variant in variants)
            {
                var rounds = byRound.Where(r => r.ContainsKey(variant) && r.ContainsKey(baseline)).ToList();
                var ratios = rounds.Select(r => r[variant].Nanoseconds / r[baseline].Nanoseconds).ToList();
                var extra = rounds.Select(r => r[variant].Nanoseconds - r[baseline].Nanoseconds).ToList();
                var added = variant is not "UnitOfWork" && variant != baseline && rounds.All(r => r.ContainsKey("UnitOfWork"))
                    ? rounds.Select(r => (r[variant].Nanoseconds - r[baseline].Nanoseconds) / (r["UnitOfWork"].Nanoseconds - r[baseline].Nanoseconds)).ToList()
                    : null;
                var toScoped = variant is not "ScopedServices" && variant != baseline && rounds.All(r => r.ContainsKey("ScopedServices"))
                    ? rounds.Select(r => r[variant].Nanoseconds / r["ScopedServices"].Nanoseconds).ToList()
                    : null;
                text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {group.Key} | {variant}{(variant == baseline ? " (baseline)" : "")} | {Median(rounds.Select(r => r[variant].Nanoseconds)):F0} | " +
                    $"{Median(ratios):F2} | {Percentile(ratios, 0.25):F2}-{Percentile(ratios, 0.75):F2} | {Median(extra):F0} | " +
                    $"{Median(rounds.Select(r => r[variant].Bytes)):F0} | {(toScoped is null || toScoped.Count == 0 ? "" : Median(toScoped).ToString("F2", CultureInfo.InvariantCulture))} | {(added is null || added.Count == 0 ? "" : Median(added).ToString("F2", CultureInfo.InvariantCulture))} |"));
            }
        }

        var processes = samples.Select(s => s.Process).Distinct().Count();
        var roundCount = samples.Select(s => (s.Process, s.Round)).Distinct().Count();
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"{roundCount} rounds over {processes} processes.");
        return text.ToString();
    }

    private static double Median(IEnumerable<double> values) => Percentile(values.ToList(), 0.5);

    private static double Percentile(IReadOnlyList<double> values, double p)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToArray();
        var position = p * (sorted.Length - 1);
        var low = (int)Math.Floor(position);
        var high = (int)Math.Ceiling(position);
        return sorted[low] + ((sorted[high] - sorted[low]) * (position - low));
    }

    private sealed record Sample(string Group, int Index, string Variant, int Process, int Round, double Nanoseconds, double Bytes);
}
