using System.Globalization;

namespace YieldDeps.Benchmarks.ColdStart;

/// <summary>
/// The command line: <c>--runs N</c> (rounds, default 10), <c>--variants a,b</c>, <c>--ready-to-run</c>,
/// <c>--no-build</c>; <c>--child VARIANT --app FOLDER</c> for a measuring process.
/// </summary>
internal sealed record Options(int Runs, IReadOnlyList<Variant> Variants, bool ReadyToRun, bool NoBuild, Variant? Child, string? ChildApp)
{
    public const string Usage = "the options are --runs N, --variants a,b, --ready-to-run and --no-build";

    public static Options Parse(string[] args)
    {
        var runs = 10;
        IReadOnlyList<Variant> variants = Variant.All;
        var readyToRun = false;
        var noBuild = false;
        Variant? child = null;
        string? childApp = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--ready-to-run":
                    readyToRun = true;
                    continue;
                case "--no-build":
                    noBuild = true;
                    continue;
            }

            if (args[i] is not ("--runs" or "--variants" or "--child" or "--app"))
            {
                throw new ArgumentException($"Unknown option {args[i]}; {Usage}.");
            }

            var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value; {Usage}.");
            switch (args[i])
            {
                case "--runs":
                    runs = int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
                        ? number
                        : throw new ArgumentException($"--runs needs a number of rounds, not '{value}'.");
                    break;
                case "--variants":
                    variants = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                        .Select(Variant.Named)
                        .ToHashSet()
                        .OrderBy(variant => Variant.All.ToList().IndexOf(variant))
                        .ToArray();
                    break;
                case "--child":
                    child = Variant.Named(value);
                    break;
                default:
                    childApp = value;
                    break;
            }

            i++;
        }

        if (runs <= 0)
        {
            throw new ArgumentException("--runs must be positive.");
        }

        if (variants.Count == 0)
        {
            throw new ArgumentException("--variants names no variant.");
        }

        if (child is not null && childApp is null)
        {
            throw new ArgumentException("--child needs --app FOLDER.");
        }

        return new Options(runs, variants, readyToRun, noBuild, child, childApp);
    }
}
