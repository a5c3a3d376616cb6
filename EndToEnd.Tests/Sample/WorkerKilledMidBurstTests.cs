using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using YieldDeps.EndToEnd.Tests.Infrastructure;
using YieldDeps.Testing;

namespace YieldDeps.EndToEnd.Tests.Sample;

/// <summary>
/// The worker process killed with SIGKILL in the middle of a burst of orders: no finally runs, so durability rests on
/// the transaction alone. After a restart on the same database, the stock has dropped by exactly the quantity of the
/// orders that exist: no order without its stock decrement, no decrement without its order.
/// </summary>
[Collection(SampleAppCollection.Name)]
public sealed partial class WorkerKilledMidBurstTests : IDisposable
{
    private const int Orders = 200;
    private const int StartingStock = 1000;

    private readonly string _folder = Directory.CreateTempSubdirectory("yielddeps-kill-").FullName;

    private string ConnectionString => new SqliteConnectionStringBuilder
    {
        DataSource = Path.Combine(_folder, "orders.db"),
        Pooling = false,
        DefaultTimeout = 30,
    }.ToString();

    private Dictionary<string, string> Settings => new() { ["SampleDb"] = ConnectionString, ["SampleApiKey"] = "kill-key" };

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task AfterARestartTheStockDropEqualsTheCommittedOrdersAndNoOrderIsPartial()
    {
        var created = new List<long>();
        await using (var host = await LocalFunctionsHost.StartAsync(Path.Combine(RepositoryPaths.Root, "FunctionApp.Sample"), Settings))
        {
            Execute($"UPDATE products SET stock = {StartingStock} WHERE sku = 'WIDGET-1'");
            var workerId = int.Parse(WorkerStarted().Match(host.Output).Groups[1].Value, CultureInfo.InvariantCulture);

            // Kill as soon as the first order is answered: the writers queue on the database's lock, so most of the
            // burst is still in flight (many of them inside a transaction) at that moment.
            var burst = Enumerable.Range(0, Orders).Select(_ => OrderAsync(host.Client)).ToList();
            await Task.WhenAny(burst);
            using (var worker = Process.GetProcessById(workerId))
            {
                worker.Kill();
            }

            foreach (var order in burst)
            {
                if (await order is { } id)
                {
                    created.Add(id);
                }
            }

            await host.WaitForExitAsync(TimeSpan.FromSeconds(60));
        }

        // A new host and worker on the same file: SQLite has rolled back whatever the dead worker left open.
        await using (var restarted = await LocalFunctionsHost.StartAsync(Path.Combine(RepositoryPaths.Root, "FunctionApp.Sample"), Settings))
        {
            using var product = await restarted.Client.GetAsync("api/products/WIDGET-1");
            Assert.Equal(HttpStatusCode.OK, product.StatusCode);
        }

        var ordered = Scalar("SELECT COALESCE(SUM(quantity), 0) FROM orders WHERE sku = 'WIDGET-1'");
        var stock = Scalar("SELECT stock FROM products WHERE sku = 'WIDGET-1'");
        Assert.Equal(StartingStock - stock, ordered);
        Assert.All(created, id => Assert.Equal(1, Scalar($"SELECT COUNT(*) FROM orders WHERE id = {id}")));
        Assert.InRange(created.Count, 1, Orders - 1);
    }

    private static async Task<long?> OrderAsync(HttpClient client)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "api/orders")
            {
                Content = new StringContent("""{"sku":"WIDGET-1","quantity":1}""", Encoding.UTF8, "application/json"),
                Headers = { { "x-api-key", "kill-key" } },
            };
            using var response = await client.SendAsync(request);
            if (response.StatusCode != HttpStatusCode.Created)
            {
                return null;
            }

            var location = response.Headers.Location!.OriginalString;
            return long.Parse(location[(location.LastIndexOf('/') + 1)..], CultureInfo.InvariantCulture);
        }
        catch (HttpRequestException)
        {
            // The host went down with the worker before answering.
            return null;
        }
    }

    private void Execute(string sql)
    {
        using var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private long Scalar(string sql)
    {
        using var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"LocalHost: started worker \S+ \(pid (\d+)\)")]
    private static partial Regex WorkerStarted();
}
