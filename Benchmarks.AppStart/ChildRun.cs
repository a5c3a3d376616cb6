using System.Diagnostics;
using Microsoft.Data.Sqlite;
using YieldDeps.Testing;

namespace YieldDeps.Benchmarks.AppStart;

/// <summary>One measuring process: starts the sample one way, calls it, reports, and stops it.</summary>
internal static class ChildRun
{
    private const string Route = "api/ping-deps";
    private const int WarmUp = 50;

    public static async Task<Measurement> ThroughFactoryAsync(int requests)
    {
        using var folder = new TemporaryFolder();
        var clock = Stopwatch.StartNew();
        await using var factory = new FunctionsApplicationFactory<Program>();
        factory.UseSetting("SampleDb", folder.DatabaseConnectionString);
        factory.UseSetting("SampleApiKey", "app-start");
        await factory.StartAsync();
        var started = clock.Elapsed;
        using var client = factory.CreateClient();
        return await MeasureAsync(client, clock, started, requests);
    }

    public static async Task<Measurement> UnderLocalHostAsync(int requests)
    {
        using var folder = new TemporaryFolder();
        var clock = Stopwatch.StartNew();
        await using var host = await LocalFunctionsHost.StartAsync(
            SampleOutput.Find(),
            new Dictionary<string, string> { ["SampleDb"] = folder.DatabaseConnectionString, ["SampleApiKey"] = "app-start" });
        var started = clock.Elapsed;
        return await MeasureAsync(host.Client, clock, started, requests);
    }

    private static async Task<Measurement> MeasureAsync(HttpClient client, Stopwatch clock, TimeSpan started, int requests)
    {
        await CallAsync(client);
        var firstResponse = clock.Elapsed;
        for (var i = 0; i < WarmUp; i++)
        {
            await CallAsync(client);
        }

        var times = new double[requests];
        for (var i = 0; i < requests; i++)
        {
            var begin = Stopwatch.GetTimestamp();
            await CallAsync(client);
            times[i] = Stopwatch.GetElapsedTime(begin).TotalMilliseconds;
        }

        Array.Sort(times);
        return new Measurement(started.TotalMilliseconds, firstResponse.TotalMilliseconds, times[requests / 2], times[requests * 9 / 10]);
    }

    private static async Task CallAsync(HttpClient client)
    {
        using var response = await client.GetAsync(Route);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"GET /{Route} answered {(int)response.StatusCode}: {body}");
        }
    }

    /// <summary>A folder of its own for the run's SQLite file, deleted at the end.</summary>
    private sealed class TemporaryFolder : IDisposable
    {
        private readonly string path = Directory.CreateTempSubdirectory("yielddeps-appstart-").FullName;

        public string DatabaseConnectionString =>
            new SqliteConnectionStringBuilder { DataSource = Path.Combine(path, "orders.db"), Pooling = false }.ToString();

        public void Dispose() => Directory.Delete(path, recursive: true);
    }
}
