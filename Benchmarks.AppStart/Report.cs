using System.Globalization;

namespace YieldDeps.Benchmarks.AppStart;

/// <summary>Medians and interquartile ranges of each way, and the factory's figures as ratios to LocalHost's, run by run.</summary>
internal static class Report
{
    private static readonly (string Name, Func<Measurement, double> Read)[] Figures =
    [
        ("start to ready (ms)", m => m.StartMs),
        ("start to first 200 (ms)", m => m.FirstResponseMs),
        ("request, median (ms)", m => m.RequestMedianMs),
        ("request, p90 (ms)", m => m.RequestP90Ms),
    ];

    public static void Print(IReadOnlyList<Measurement> factory, IReadOnlyList<Measurement> localHost)
    {
        Console.WriteLine();
        Console.WriteLine("| figure | factory, median (p25-p75) | LocalHost, median (p25-p75) | factory / LocalHost, median of the runs' ratios |");
        Console.WriteLine("|---|---|---|---|");
        foreach (var (name, read) in Figures)
        {
            var ratios = factory.Zip(localHost, (f, l) => read(f) / read(l)).ToArray();
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"| {name} | {Spread(factory.Select(read))} | {Spread(localHost.Select(read))} | {Quantile(ratios, 0.5):F2} ({Quantile(ratios, 0.25):F2}-{Quantile(ratios, 0.75):F2}) |"));
        }
    }

    private static string Spread(IEnumerable<double> values)
    {
        var sorted = values.ToArray();
        return string.Create(CultureInfo.InvariantCulture, $"{Format(Quantile(sorted, 0.5))} ({Format(Quantile(sorted, 0.25))}-{Format(Quantile(sorted, 0.75))})");
    }

    private static string Format(double value) => value >= 100
        ? value.ToString("F0", CultureInfo.InvariantCulture)
        : value.ToString("F2", CultureInfo.InvariantCulture);

    /// <summary>The quantile by linear interpolation between the closest ranks.</summary>
    private static double Quantile(double[] values, double quantile)
    {
        var sorted = values.OrderBy(value => value).ToArray();
        var position = quantile * (sorted.Length - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + ((sorted[above] - sorted[below]) * (position - below));
    }
}
