using System.Globalization;

namespace YieldDeps.Benchmarks.AppStart;

/// <summary>
/// One run's figures: from the start call to the app ready, to the first 200 of <c>/api/ping-deps</c>, and the
/// median and 90th percentile of the timed requests after a warm-up, in milliseconds.
/// </summary>
internal sealed record Measurement(double StartMs, double FirstResponseMs, double RequestMedianMs, double RequestP90Ms)
{
    public const string Prefix = "result:";

    public string ToLine() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Prefix} start_ms={StartMs:F1} first_response_ms={FirstResponseMs:F1} request_median_ms={RequestMedianMs:F3} request_p90_ms={RequestP90Ms:F3}");

    public static Measurement Parse(string line)
    {
        var fields = line[Prefix.Length..]
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(field => field.Split('='))
            .ToDictionary(pair => pair[0], pair => double.Parse(pair[1], CultureInfo.InvariantCulture));
        return new Measurement(fields["start_ms"], fields["first_response_ms"], fields["request_median_ms"], fields["request_p90_ms"]);
    }
}
