using System.Globalization;

namespace YieldDeps.Benchmarks.ColdStart;

/// <summary>
/// One markdown table per variant: each figure's median and 25th-75th percentiles over the rounds and, for a variant
/// with a baseline, the median (and p25-p75) of the round-by-round differences against that baseline's run of the
/// same round.
/// </summary>
internal static class Report
{
    public static void Print(IReadOnlyList<Variant> variants, IReadOnlyDictionary<Variant, List<Measurement>> results)
    {
        foreach (var variant in variants)
        {
            var own = results[variant];
            var baseline = variant.Baseline is { } name && results.FirstOrDefault(pair => pair.Key.Name == name).Value is { } found
                ? found
                : null;
            Console.WriteLine();
            Console.WriteLine($"### {variant.Name}: {variant.Description}");
            Console.WriteLine();
            if (baseline is null)
            {
                Console.WriteLine(variant.Baseline is null
                    ? "| figure (ms) | median (p25-p75) |"
                    : $"| figure (ms) | median (p25-p75) | ({variant.Baseline} was not run: no difference) |");
                Console.WriteLine(variant.Baseline is null ? "|---|---|" : "|---|---|---|");
            }
            else
            {
                Console.WriteLine($"| figure (ms) | median (p25-p75) | minus {variant.Baseline}, median of the rounds' differences (p25-p75) |");
                Console.WriteLine("|---|---|---|");
            }

            foreach (var (figure, read) in Measurement.Figures)
            {
                var line = $"| {figure} | {Spread(own.Select(read))} |";
                if (baseline is not null)
                {
                    line += $" {Spread(own.Zip(baseline, (mine, theirs) => read(mine) - read(theirs)), signed: true)} |";
                }
                else if (variant.Baseline is not null)
                {
                    line += " |";
                }

                Console.WriteLine(line);
            }
        }
    }

    private static string Spread(IEnumerable<double> values, bool signed = false)
    {
        var known = values.Where(value => !double.IsNaN(value)).ToArray();
        return known.Length == 0
            ? "n/a"
            : $"{Format(Quantile(known, 0.5), signed)} ({Format(Quantile(known, 0.25), signed)} to {Format(Quantile(known, 0.75), signed)})";
    }

    private static string Format(double value, bool signed)
    {
        var text = Math.Abs(value) >= 100
            ? value.ToString("F0", CultureInfo.InvariantCulture)
            : value.ToString(Math.Abs(value) >= 10 ? "F1" : "F2", CultureInfo.InvariantCulture);
        return signed && value >= 0 ? "+" + text : text;
    }

    /// <summary>The quantile by linear interpolation between the closest ranks.</summary>
    private static double Quantile(double[] values, double quantile)
    {
        var sorted = values.Order().ToArray();
        var position = quantile * (sorted.Length - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + ((sorted[above] - sorted[below]) * (position - below));
    }
}
