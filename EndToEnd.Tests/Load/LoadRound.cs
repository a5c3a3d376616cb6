using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using YieldDeps.EndToEnd.Tests.Infrastructure;
using YieldDeps.Testing;

namespace YieldDeps.EndToEnd.Tests.Load;

/// <summary>
/// One round of load against LoadApp: every planned request sent with at most <see cref="Concurrency"/> in flight,
/// then the rows compared with the successes. A request the client abandoned succeeded when the app's journal says
/// its session committed. <c>faults</c>, when given, inject faults from outside the app while the requests are sent
/// (and once half of them are answered), and stop before the checks.
/// </summary>
public static class LoadRound
{
    public const int Concurrency = 32;

    public static async Task<LoadRoundResult> RunAsync(
        LocalFunctionsHost host, ILoadDatabase database, string prefix, IReadOnlyList<LoadRequest> plan, int workerPid, ILoadFaults? faults = null)
    {
        using (var clear = await host.Client.PostAsync("api/journal/clear", content: null))
        {
            clear.EnsureSuccessStatusCode();
        }

        var answers = new Dictionary<string, LoadAnswer>(StringComparer.Ordinal);
        var timings = new List<LoadTiming>(plan.Count);
        Task? midRoundTask = null;
        faults?.Start();
        await Parallel.ForEachAsync(plan, new ParallelOptions { MaxDegreeOfParallelism = Concurrency }, async (request, _) =>
        {
            var started = Stopwatch.GetTimestamp();
            var answer = await SendAsync(host.Client, request);
            lock (answers)
            {
                answers[request.Id] = answer;
                timings.Add(new LoadTiming(started, Stopwatch.GetTimestamp(), answer));
                if (faults is not null && answers.Count == plan.Count / 2)
                {
                    midRoundTask = Task.Run(faults.MidRoundAsync);
                }
            }
        });
        if (midRoundTask is not null)
        {
            await midRoundTask;
        }

        if (faults is not null)
        {
            await faults.StopAsync();
        }

        // Abandoned invocations may still be finishing: wait until every session entered has been torn down.
        var state = await Eventually.WaitForAsync(
            () => StateAsync(host.Client),
            s => s.Entered == s.Exited && s.OpenConnections == 0,
            "every session entered to be torn down");

        var succeeded = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (id, answer) in answers)
        {
            if (answer == LoadAnswer.Succeeded || (answer == LoadAnswer.Abandoned && state.Journal.TryGetValue(id, out var committed) && committed))
            {
                succeeded.Add(id);
            }
        }

        var rows = await database.RowIdsAsync(prefix);
        long heapBytes;
        using (var collect = await host.Client.PostAsync("api/gc", content: null))
        {
            collect.EnsureSuccessStatusCode();
            heapBytes = (await collect.Content.ReadFromJsonAsync<LoadHeap>())!.HeapBytes;
        }

        var leaked = (int)Math.Abs(state.Entered - state.Exited) + (int)state.OpenConnections + await database.LeakedAsync(host.Client);
        var result = new LoadRoundResult(
            plan.Count,
            succeeded.Count,
            rows.Count,
            Lost: succeeded.Count(id => !rows.Contains(id)),
            Phantom: rows.Count(id => !succeeded.Contains(id)),
            leaked,
            WorkerRssKb(workerPid),
            heapBytes,
            state.VerifiedCommitted + state.VerifiedNotCommitted,
            state.UnknownCommits,
            timings);
        return result;
    }

    private static async Task<LoadAnswer> SendAsync(HttpClient client, LoadRequest request)
    {
        using var abandon = new CancellationTokenSource();
        if (request.AbandonAfter is { } delay)
        {
            abandon.CancelAfter(delay);
        }

        try
        {
            using var response = await client.PostAsync($"api/load/{request.Id}/{request.Fault}", content: null, abandon.Token);
            return response.StatusCode == HttpStatusCode.OK ? LoadAnswer.Succeeded : LoadAnswer.Failed;
        }
        catch (OperationCanceledException) when (abandon.IsCancellationRequested)
        {
            return LoadAnswer.Abandoned;
        }
    }

    private static async Task<LoadAppState> StateAsync(HttpClient client) =>
        await client.GetFromJsonAsync<LoadAppState>("api/state") ?? throw new InvalidOperationException("The app answered no state.");

    /// <summary>Reads the resident set size of the worker from <c>/proc/PID/status</c>, in kB.</summary>
    private static long WorkerRssKb(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").Single(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
    }
}
