using System.Diagnostics;
using System.Globalization;

namespace YieldDeps.Benchmarks.Interleaved;

/// <summary>
/// One measuring process: warms every variant up, sizes a batch per variant to about the batch time, then, round after
/// round, runs every variant of a group once in a shuffled order, and prints one sample line per batch
/// (group, variant index (0: the baseline), variant, round, ns per invocation, bytes allocated per invocation).
/// </summary>
internal static class InterleavedWorker
{
    public const string SamplePrefix = "SAMPLE\t";

    public const string HoldLine = "HOLD";

    public static async Task<int> RunAsync(string suite, int rounds, double batchMilliseconds, int seed, bool wallClock, string groupFilter, string variantFilter, bool hold)
    {
        BatchClock.UseThreadCpuTime &= !wallClock;
        var (allGroups, dispose) = await InterleavedSuites.CreateAsync(suite);
        var variantNames = variantFilter == "*" ? null : variantFilter.Split(',');
        var groups = allGroups
            .Where(g => groupFilter == "*" || g.Name.Contains(groupFilter, StringComparison.Ordinal))
            .Select(g => g with { Variants = g.Variants.Where((v, i) => i == 0 || variantNames is null || variantNames.Contains(v.Name)).ToList() })
            .ToList();
        try
        {
            var random = new Random(seed);
            var sizes = new Dictionary<(string, string), int>();
            foreach (var group in groups)
            {
                foreach (var (name, run) in group.Variants)
                {
                    // Long enough for the tiered JIT to reach its optimised code, then sized to the batch time.
                    Measure(run, 1);
                    var warm = Stopwatch.StartNew();
                    while (warm.ElapsedMilliseconds < 250)
                    {
                        Measure(run, 64);
                    }

                    var size = 1;
                    while (Measure(run, size).Nanoseconds * size < batchMilliseconds * 1_000_000 && size < 1 << 24)
                    {
                        size *= 2;
                    }

                    sizes[(group.Name, name)] = size;
                }
            }

            for (var round = 0; round < rounds; round++)
            {
                foreach (var group in groups)
                {
                    var order = group.Variants.Select((variant, index) => (variant.Name, variant.Run, Index: index)).ToArray();
                    random.Shuffle(order);
                    foreach (var (name, run, index) in order)
                    {
                        var (nanoseconds, bytes) = Measure(run, sizes[(group.Name, name)]);
                        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                            $"{SamplePrefix}{group.Name}\t{index}\t{name}\t{round}\t{nanoseconds:F2}\t{bytes:F1}"));
                    }
                }
            }
        }
        finally
        {
            await dispose();
        }

        if (hold)
        {
            // A profiler attached to this process stops its session before the process goes away.
            Console.WriteLine(HoldLine);
            Console.ReadLine();
        }

        return 0;
    }

    /// <summary>Runs a batch; returns the mean time and allocation per invocation.</summary>
    private static (double Nanoseconds, double Bytes) Measure(Func<ValueTask<int>> run, int count)
    {
        var bytesBefore = GC.GetTotalAllocatedBytes(precise: true);
        var start = BatchClock.Now();
        var sum = 0;
        for (var i = 0; i < count; i++)
        {
            var pending = run();
            sum += pending.IsCompletedSuccessfully ? pending.Result : pending.AsTask().GetAwaiter().GetResult();
        }

        var elapsed = BatchClock.Now() - start;
        var bytes = GC.GetTotalAllocatedBytes(precise: true) - bytesBefore;
        GC.KeepAlive(sum);
        return (elapsed / count, (double)bytes / count);
    }
}
