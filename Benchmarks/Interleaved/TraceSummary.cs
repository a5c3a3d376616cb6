using System.Globalization;
using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Etlx;
using Microsoft.Diagnostics.Tracing.Parsers.Clr;

namespace YieldDeps.Benchmarks.Interleaved;

/// <summary>
/// Summarises an EventPipe trace written by BenchmarkDotNet's profiler (<c>--profiler EP</c>): the CPU samples of the
/// threads that ran the benchmark, by method, exclusive (the method itself) and inclusive (with what it called), and
/// the allocations by type, so the report can show where an invocation's time and memory go.
/// </summary>
internal static class TraceSummary
{
    public static int Run(string path, string? focus, int top)
    {
        using var log = new TraceLog(path.EndsWith(".nettrace", StringComparison.OrdinalIgnoreCase) ? TraceLog.CreateFromEventPipeDataFile(path) : path);
        var exclusive = new Dictionary<string, int>();
        var inclusive = new Dictionary<string, int>();
        var allocations = new Dictionary<string, long>();
        var total = 0;
        foreach (var e in log.Events)
        {
            if (e is GCAllocationTickTraceData tick)
            {
                allocations[tick.TypeName] = allocations.GetValueOrDefault(tick.TypeName) + tick.AllocationAmount64;
                continue;
            }

            if (e.EventName is not "Thread/Sample" || e.CallStack() is not { } stack)
            {
                continue;
            }

            var frames = new List<string>();
            for (var frame = stack; frame is not null; frame = frame.Caller)
            {
                frames.Add(frame.CodeAddress.FullMethodName is { Length: > 0 } name ? name : $"?{frame.CodeAddress.ModuleName}");
            }

            if (focus is not null && !frames.Any(f => f.Contains(focus, StringComparison.Ordinal)))
            {
                continue;
            }

            total++;
            exclusive[frames[0]] = exclusive.GetValueOrDefault(frames[0]) + 1;
            foreach (var name in frames.Distinct())
            {
                inclusive[name] = inclusive.GetValueOrDefault(name) + 1;
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{total} CPU samples{(focus is null ? "" : $" with {focus} on the stack")}"));
        Console.WriteLine();
        Console.WriteLine("| exclusive % | inclusive % | method |");
        Console.WriteLine("|---:|---:|---|");
        foreach (var (name, count) in exclusive.OrderByDescending(p => p.Value).Take(top))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {100.0 * count / total:F1} | {100.0 * inclusive[name] / total:F1} | {Shorten(name)} |"));
        }

        Console.WriteLine();
        Console.WriteLine("| inclusive % | method |");
        Console.WriteLine("|---:|---|");
        foreach (var (name, count) in inclusive.Where(p => p.Key.Contains("YieldDeps", StringComparison.Ordinal)).OrderByDescending(p => p.Value).Take(top))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {100.0 * count / total:F1} | {Shorten(name)} |"));
        }

        if (allocations.Count > 0)
        {
            var bytes = allocations.Values.Sum();
            Console.WriteLine();
            Console.WriteLine("| allocated % (sampled) | type |");
            Console.WriteLine("|---:|---|");
            foreach (var (type, amount) in allocations.OrderByDescending(p => p.Value).Take(top))
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {100.0 * amount / bytes:F1} | {Shorten(type)} |"));
            }
        }

        return 0;
    }

    private static string Shorten(string name) => name.Replace("System.Private.CoreLib!", "", StringComparison.Ordinal)
        .Replace("System.Runtime.CompilerServices.", "", StringComparison.Ordinal)
        .Replace("YieldDeps.Benchmarks.", "", StringComparison.Ordinal)
        .Replace("|", "/", StringComparison.Ordinal);
}
