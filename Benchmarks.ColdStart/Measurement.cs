using System.Globalization;

namespace YieldDeps.Benchmarks.ColdStart;

/// <summary>
/// One cold start's figures, in milliseconds: from the start call to ready and to the first 200 of <c>/api/f01</c>,
/// from the worker process's launch to that 200 (NaN where the launch time cannot be read), the first request to
/// <c>f01</c> alone, the first request to <c>f02</c> right after, and the median of the later requests to <c>f01</c>;
/// and what the worker's JIT compiler did by the first 200: the methods it compiled and its time, in milliseconds.
/// </summary>
internal sealed record Measurement(
    double ReadyMs,
    double FirstOkMs,
    double WorkerFirstOkMs,
    double FirstCallMs,
    double SecondFunctionMs,
    double RequestMedianMs,
    double JitMethods,
    double JitMs)
{
    public const string Prefix = "result:";

    public static readonly IReadOnlyList<(string Name, Func<Measurement, double> Read)> Figures =
    [
        ("start to ready", m => m.ReadyMs),
        ("launch to first 200 (from the start call)", m => m.FirstOkMs),
        ("worker launch to first 200", m => m.WorkerFirstOkMs),
        ("first call, f01", m => m.FirstCallMs),
        ("first call of a second function, f02", m => m.SecondFunctionMs),
        ("later requests to f01, median", m => m.RequestMedianMs),
        ("JIT by the first 200: methods compiled (a count)", m => m.JitMethods),
        ("JIT by the first 200: compiling time", m => m.JitMs),
    ];

    public string ToLine() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Prefix} ready_ms={ReadyMs:F1} first_ok_ms={FirstOkMs:F1} worker_first_ok_ms={WorkerFirstOkMs:F1} first_call_ms={FirstCallMs:F2} second_function_ms={SecondFunctionMs:F2} request_median_ms={RequestMedianMs:F3} jit_methods={JitMethods:F0} jit_ms={JitMs:F2}");

    public static Measurement Parse(string line)
    {
        var fields = line[Prefix.Length..]
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(field => field.Split('='))
            .ToDictionary(pair => pair[0], pair => double.Parse(pair[1], CultureInfo.InvariantCulture));
        return new Measurement(
            fields["ready_ms"],
            fields["first_ok_ms"],
            fields["worker_first_ok_ms"],
            fields["first_call_ms"],
            fields["second_function_ms"],
            fields["request_median_ms"],
            fields["jit_methods"],
            fields["jit_ms"]);
    }
}
