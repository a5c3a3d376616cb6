using System.Globalization;

namespace YieldDeps.Benchmarks.AppStart;

/// <summary>The command line: <c>--runs N</c> (runs of each way), <c>--requests N</c> (timed requests a run), and <c>--child WAY</c> for a measuring process.</summary>
internal sealed record Options(int Runs, int Requests, Way? Child)
{
    public static Options Parse(string[] args)
    {
        var runs = 6;
        var requests = 300;
        Way? child = null;
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "--runs":
                    runs = int.Parse(value, CultureInfo.InvariantCulture);
                    break;
                case "--requests":
                    requests = int.Parse(value, CultureInfo.InvariantCulture);
                    break;
                case "--child":
                    child = Enum.Parse<Way>(value);
                    break;
                default:
                    throw new ArgumentException($"Unknown option {args[i]}; the options are --runs N and --requests N.");
            }

            i++;
        }

        return runs > 0 && requests > 0 ? new Options(runs, requests, child) : throw new ArgumentException("--runs and --requests must be positive.");
    }
}
