using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Xunit.Abstractions;
using YieldDeps.EndToEnd.Tests.Infrastructure;
using YieldDeps.Testing;

namespace YieldDeps.EndToEnd.Tests.Load;

/// <summary>
/// Load with injected faults through LocalHost and the real worker (Apps/LoadApp): two identical rounds of
/// <see cref="Invocations"/> invocations, each inserting one row in a yield-dependency transaction, with a seeded
/// 30% of bodies throwing after their insert, 5% of commits failing in the teardown, and 2% of requests abandoned by
/// the client. On PostgreSQL, the database fails too: sessions of the app are terminated while the requests run, some
/// of them while committing, and the server is restarted in the middle of the first round (<see cref="PostgresFaults"/>).
/// Afterwards the rows are exactly the successes, no commit stayed unknown (each session settles a failed commit by
/// its marker), every session entered was torn down, nothing is left open, the worker served again after the restart
/// without a restart of its own, and the worker's memory after the second round is what it was after the first: its
/// managed heap within 25% (about 4.5 MB: 5,000 invocations keeping 250 B each alive would pass it), its resident set
/// within 15% (it also holds the code the JIT compiles as the second round makes other paths hot). Prints two lines:
/// <c>load: db=... invocations=N succeeded=S rows=R lost=L phantom=P leaked=K verified=V unknown=U heap_growth_pct=H rss_growth_pct=G</c>
/// and <c>faults: db=... body=B commit=C abandoned=A killed=K killed_in_commit=M restarts=R restart_ms=T recovery_ms=F</c>.
/// Runs in CI as its own step: <c>dotnet test EndToEnd.Tests --filter Category=Load</c>.
/// </summary>
[Collection(LoadCollection.Name)]
[Trait("Category", "Load")]
public sealed partial class LoadTests(ITestOutputHelper output)
{
    public const int Invocations = 5000;
    private const int Seed = 20261130;
    private const double MaxHeapGrowthPct = 25;
    private const double MaxRssGrowthPct = 15;

    [Fact]
    public async Task SqliteRowsAreExactlyTheSuccessesAndNothingLeaks()
    {
        await using var database = new SqliteLoadDatabase();
        await RunAsync(database);
    }

    [PostgresFact]
    public async Task PostgresRowsAreExactlyTheSuccessesAndNothingLeaks()
    {
        var connectionString = PostgresServer.RequireConnectionString();
        var clusterDirectory = Environment.GetEnvironmentVariable(PostgresFaults.DirectoryVariable);
        Assert.False(
            string.IsNullOrEmpty(clusterDirectory) && string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase),
            $"{PostgresFaults.DirectoryVariable} is not set: CI must name the cluster's folder, so the test can restart the server (see .ci/run).");
        await using var database = new PostgresLoadDatabase(connectionString);
        var faults = new PostgresFaults(connectionString, PostgresLoadDatabase.ApplicationName, string.IsNullOrEmpty(clusterDirectory) ? null : clusterDirectory);
        await RunAsync(database, faults);
    }

    private async Task RunAsync(ILoadDatabase database, PostgresFaults? faults = null)
    {
        await database.ResetAsync();
        await using var host = await LocalFunctionsHost.StartAsync(
            RepositoryPaths.ProbeApp("LoadApp"), new Dictionary<string, string> { ["LoadDb"] = database.AppConnectionString });
        var workerPid = int.Parse(WorkerStarted().Match(host.Output).Groups[1].Value, CultureInfo.InvariantCulture);

        var firstPlan = LoadRequest.Plan("a-", Invocations, Seed);
        var secondPlan = LoadRequest.Plan("b-", Invocations, Seed);
        var first = await LoadRound.RunAsync(host, database, "a-", firstPlan, workerPid, faults);
        var second = await LoadRound.RunAsync(host, database, "b-", secondPlan, workerPid, faults);

        // After the restart: the first request sent once the server accepted connections again that succeeded.
        var firstSuccessAfterRestart = faults is { Restarts: > 0 }
            ? first.Timings.Where(t => t.Answer == LoadAnswer.Succeeded && t.Started >= faults.BackAt).Select(t => (long?)t.Ended).Min()
            : null;
        var recovery = firstSuccessAfterRestart is { } ended ? $"{Stopwatch.GetElapsedTime(faults!.BackAt, ended).TotalMilliseconds:F0}" : "none";

        var heapGrowth = (second.WorkerHeapBytes - first.WorkerHeapBytes) * 100.0 / first.WorkerHeapBytes;
        var rssGrowth = (second.WorkerRssKb - first.WorkerRssKb) * 100.0 / first.WorkerRssKb;
        var line = string.Create(
            CultureInfo.InvariantCulture,
            $"load: db={database.Name} invocations={first.Invocations + second.Invocations} succeeded={first.Succeeded + second.Succeeded} rows={first.Rows + second.Rows} lost={first.Lost + second.Lost} phantom={first.Phantom + second.Phantom} leaked={first.Leaked + second.Leaked} verified={second.Verified} unknown={second.Unknown} heap_growth_pct={heapGrowth:F1} rss_growth_pct={rssGrowth:F1}");
        var planned = firstPlan.Concat(secondPlan).ToList();
        var faultsLine = string.Create(
            CultureInfo.InvariantCulture,
            $"faults: db={database.Name} body={planned.Count(r => r.Fault == "body")} commit={planned.Count(r => r.Fault == "commit")} abandoned={planned.Count(r => r.AbandonAfter is not null)} killed={faults?.Killed ?? 0} killed_in_commit={faults?.KilledInCommit ?? 0} restarts={faults?.Restarts ?? 0} restart_ms={faults?.RestartDuration.TotalMilliseconds ?? 0:F0} recovery_ms={recovery}");
        foreach (var report in new[] { line, faultsLine })
        {
            output.WriteLine(report);
            Console.WriteLine(report);
        }

        Assert.Equal(0, first.Lost + second.Lost);
        Assert.Equal(0, first.Phantom + second.Phantom);
        Assert.Equal(0, first.Leaked + second.Leaked);
        Assert.Equal(0, second.Unknown);
        if (faults is not null)
        {
            Assert.True(faults.Killed > 0, "No session of the app was terminated.");
            if (faults.Restarts > 0)
            {
                Assert.True(firstSuccessAfterRestart is not null, "No request sent after the server's restart succeeded: the worker did not recover.");
            }
        }

        Assert.True(heapGrowth <= MaxHeapGrowthPct, $"The worker's managed heap grew by {heapGrowth:F1}% from the first round to the second.");
        Assert.True(rssGrowth <= MaxRssGrowthPct, $"The worker's resident set grew by {rssGrowth:F1}% from the first round to the second.");
    }

    [GeneratedRegex(@"LocalHost: started worker \S+ \(pid (\d+)\)")]
    private static partial Regex WorkerStarted();
}
