using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;
using YieldDeps.EndToEnd.Tests.Infrastructure;
using YieldDeps.Testing;

namespace YieldDeps.EndToEnd.Tests.Load;

/// <summary>
/// The load app on a SQLite file whose file system fails under it, mid-batch: made read-only, then full
/// (a file takes its last blocks), on a small tmpfs (<see cref="TmpfsMount"/>). Every request answers 200 or a problem
/// response, the rows are exactly the successes, <c>PRAGMA integrity_check</c> says ok, and once the condition clears
/// every request succeeds again, on the same worker. Prints one line:
/// <c>filesystem: db=sqlite read_only_failed=N disk_full_failed=M succeeded=S rows=R lost=L phantom=P unknown=U integrity=ok</c>.
/// </summary>
[Collection(LoadCollection.Name)]
[Trait("Category", "Load")]
public sealed class SqliteFaultTests(ITestOutputHelper output)
{
    private const int Batch = 200;
    private const int Concurrency = 8;

    [TmpfsFact]
    public async Task SqliteReadOnlyAndFullFileSystemAnswerProblemsKeepTheFileWholeAndRecover()
    {
        // Room for what a batch writes between two moments when no connection is open: the database's write-ahead log
        // is reset only then, and 200 commits that always overlap grow it to about 1.6 MB. On 2 MB it could fill the
        // file system in a batch that had no fault, now and then.
        await using var disk = await TmpfsMount.CreateAsync(sizeKb: 32 * 1024);
        var file = Path.Combine(disk.Path, "load.db");
        var connectionString = new SqliteConnectionStringBuilder { DataSource = file, Pooling = false, DefaultTimeout = 30 }.ToString();
        await using var host = await LocalFunctionsHost.StartAsync(
            RepositoryPaths.ProbeApp("LoadApp"), new Dictionary<string, string> { ["LoadDb"] = connectionString });
        var answers = new Dictionary<string, HttpResponseMessage>(StringComparer.Ordinal);

        await SendAsync(host.Client, "before-", answers);
        await SendAsync(host.Client, "ro-", answers, disk.MakeReadOnlyAsync);
        await disk.MakeWritableAsync();
        await SendAsync(host.Client, "after-ro-", answers);
        await SendAsync(host.Client, "full-", answers, disk.FillAsync);
        disk.Clear();
        await SendAsync(host.Client, "after-full-", answers);

        var state = await Eventually.WaitForAsync(
            () => host.Client.GetFromJsonAsync<LoadAppState>("api/state")!,
            s => s!.Entered == s.Exited && s.OpenConnections == 0,
            "every session entered to be torn down");
        var rows = await RowIdsAsync(connectionString);
        var integrity = await IntegrityAsync(connectionString);
        var succeeded = answers.Where(a => a.Value.StatusCode == HttpStatusCode.OK).Select(a => a.Key).ToHashSet(StringComparer.Ordinal);
        int Failed(string prefix) => answers.Count(a => a.Key.StartsWith(prefix, StringComparison.Ordinal) && a.Value.StatusCode != HttpStatusCode.OK);
        var line = string.Create(
            CultureInfo.InvariantCulture,
            $"filesystem: db=sqlite read_only_failed={Failed("ro-")} disk_full_failed={Failed("full-")} succeeded={succeeded.Count} rows={rows.Count} lost={succeeded.Count(id => !rows.Contains(id))} phantom={rows.Count(id => !succeeded.Contains(id))} unknown={state!.UnknownCommits} integrity={integrity}");
        output.WriteLine(line);
        Console.WriteLine(line);

        // Outside the faults every request must succeed; say which did not, and what they answered.
        var unexpected = answers
            .Where(a => !a.Key.StartsWith("ro-", StringComparison.Ordinal) && !a.Key.StartsWith("full-", StringComparison.Ordinal) && a.Value.StatusCode != HttpStatusCode.OK)
            .OrderBy(a => a.Key, StringComparer.Ordinal)
            .ToList();
        foreach (var (id, response) in unexpected.Take(5))
        {
            var detail = $"unexpected failure {id}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
            output.WriteLine(detail);
            Console.WriteLine(detail);
        }

        if (unexpected.Count > 0)
        {
            // What the worker logged about them.
            foreach (var logged in host.Output.Split('\n').Where(l => l.Contains("Exception", StringComparison.Ordinal) || l.Contains("fail", StringComparison.OrdinalIgnoreCase)).TakeLast(15))
            {
                output.WriteLine(logged);
                Console.WriteLine(logged);
            }
        }

        Assert.All(answers.Values.Where(a => a.StatusCode != HttpStatusCode.OK), a =>
        {
            Assert.True((int)a.StatusCode >= 500, $"{a.StatusCode}");
            Assert.Equal("application/problem+json", a.Content.Headers.ContentType?.MediaType);
        });
        Assert.True(Failed("ro-") > 0, "Nothing failed while the file system was read-only.");
        Assert.True(Failed("full-") > 0, "Nothing failed while the file system was full.");
        Assert.True(unexpected.Count == 0, $"{unexpected.Count} requests failed outside the faults, the first {unexpected.FirstOrDefault().Key}.");
        Assert.Equal(0, succeeded.Count(id => !rows.Contains(id)));
        Assert.Equal(0, rows.Count(id => !succeeded.Contains(id)));
        Assert.Equal("ok", integrity);
    }

    /// <summary>
    /// Sends <see cref="Batch"/> requests; <paramref name="fault"/>, when given, runs once a quarter of them are
    /// answered, while the next half are sent; the last quarter waits for it to be in place, so that some requests
    /// meet it however fast the others go.
    /// </summary>
    private static async Task SendAsync(HttpClient client, string prefix, Dictionary<string, HttpResponseMessage> answers, Func<Task>? fault = null)
    {
        var answered = 0;
        Task? faulting = null;
        var ids = Enumerable.Range(0, Batch).Select(i => (Index: i, Id: $"{prefix}{i:D4}"));
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = Concurrency }, async (request, _) =>
        {
            var (index, id) = request;
            if (fault is not null && index >= Batch * 3 / 4)
            {
                // Started only after more than half were answered, so the fault has been started by then.
                Task pending;
                lock (answers)
                {
                    pending = faulting!;
                }

                await pending;
            }

            var response = await client.PostAsync($"api/load/{id}/none", content: null);
            await response.Content.LoadIntoBufferAsync();
            lock (answers)
            {
                answers[id] = response;
                if (fault is not null && ++answered == Batch / 4)
                {
                    faulting = Task.Run(fault);
                }
            }
        });
        if (faulting is not null)
        {
            await faulting;
        }
    }

    private static async Task<IReadOnlySet<string>> RowIdsAsync(string connectionString)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id FROM load_rows";
        return await LoadRowIds.ReadAsync(command);
    }

    private static async Task<string> IntegrityAsync(string connectionString)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
