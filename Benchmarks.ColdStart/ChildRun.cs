using System.Diagnostics;
using YieldDeps.Testing;

namespace YieldDeps.Benchmarks.ColdStart;

/// <summary>One measuring process: starts one app's build output under LocalHost, calls it, reports, and stops it.</summary>
internal static class ChildRun
{
    private const string FirstRoute = "f01";
    private const string SecondRoute = "f02";
    private const int WarmUp = 20;
    private const int Requests = 200;

    public static async Task<Measurement> RunAsync(string appFolder)
    {
        var startCall = WorkerLaunch.SecondsSinceBoot();
        var clock = Stopwatch.StartNew();
        await using var host = await LocalFunctionsHost.StartAsync(appFolder, startTimeout: TimeSpan.FromMinutes(2));
        var ready = clock.Elapsed;

        await CallAsync(host.Client, FirstRoute);
        var firstOk = clock.Elapsed;
        var (jitMethods, jitMs) = await ReadJitAsync(host.Client);

        var second = Stopwatch.GetTimestamp();
        await CallAsync(host.Client, SecondRoute);
        var secondFunction = Stopwatch.GetElapsedTime(second);

        // Read while the worker still runs: /proc forgets it once it exits.
        var workerLaunch = WorkerLaunch.MillisecondsAfter(startCall, host.Output);

        for (var i = 0; i < WarmUp; i++)
        {
            await CallAsync(host.Client, FirstRoute);
        }

        var times = new double[Requests];
        for (var i = 0; i < Requests; i++)
        {
            var begin = Stopwatch.GetTimestamp();
            await CallAsync(host.Client, FirstRoute);
            times[i] = Stopwatch.GetElapsedTime(begin).TotalMilliseconds;
        }

        Array.Sort(times);
        return new Measurement(
            ready.TotalMilliseconds,
            firstOk.TotalMilliseconds,
            firstOk.TotalMilliseconds - workerLaunch,
            (firstOk - ready).TotalMilliseconds,
            secondFunction.TotalMilliseconds,
            times[Requests / 2],
            jitMethods,
            jitMs);
    }

    /// <summary>GET /api/jit: "jit methods=N ms=T", what the worker's JIT compiler did so far.</summary>
    private static async Task<(double Methods, double Milliseconds)> ReadJitAsync(HttpClient client)
    {
        var body = await client.GetStringAsync("api/jit");
        var fields = body.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(field => field.Contains('=', StringComparison.Ordinal))
            .Select(field => field.Split('='))
            .ToDictionary(pair => pair[0], pair => double.Parse(pair[1], System.Globalization.CultureInfo.InvariantCulture));
        return (fields["methods"], fields["ms"]);
    }

    /// <summary>GET /api/ROUTE, which must answer 200 with a body that starts with the function's name.</summary>
    private static async Task CallAsync(HttpClient client, string route)
    {
        using var response = await client.GetAsync("api/" + route);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode || !body.StartsWith(route, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"GET /api/{route} answered {(int)response.StatusCode}: {body}");
        }
    }
}
