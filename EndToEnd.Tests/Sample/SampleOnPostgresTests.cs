using System.Net;
using System.Text;
using Npgsql;
using YieldDeps.EndToEnd.Tests.Infrastructure;
using YieldDeps.EndToEnd.Tests.Load;
using YieldDeps.Testing;

namespace YieldDeps.EndToEnd.Tests.Sample;

/// <summary>
/// The orders sample on PostgreSQL: its session picks Npgsql from the connection string, and the same order commits
/// its row and its stock decrement together, or neither.
/// </summary>
[Trait("Category", "Postgres")]
[Collection(SampleAppCollection.Name)]
public sealed class SampleOnPostgresTests
{
    private const string ApiKey = "postgres-key";

    [PostgresFact]
    public async Task AnOrderCommitsAndARefusedOneRollsBackOnPostgreSQL()
    {
        var connectionString = PostgresServer.RequireConnectionString();
        await using var host = await LocalFunctionsHost.StartAsync(
            Path.Combine(RepositoryPaths.Root, "FunctionApp.Sample"),
            new Dictionary<string, string> { ["SampleDb"] = connectionString, ["SampleApiKey"] = ApiKey });
        var stock = await ScalarAsync(connectionString, "SELECT stock FROM products WHERE sku = 'WIDGET-1'");
        var orders = await ScalarAsync(connectionString, "SELECT COUNT(*) FROM orders");

        using var created = await PostOrderAsync(host.Client, """{"sku":"WIDGET-1","quantity":1}""");
        using var refused = await PostOrderAsync(host.Client, """{"sku":"WIDGET-1","quantity":9999}""");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal(orders + 1, await ScalarAsync(connectionString, "SELECT COUNT(*) FROM orders"));
        Assert.Equal(stock - 1, await ScalarAsync(connectionString, "SELECT stock FROM products WHERE sku = 'WIDGET-1'"));
        using var read = new HttpRequestMessage(HttpMethod.Get, created.Headers.Location!.OriginalString.TrimStart('/')) { Headers = { { "x-api-key", ApiKey } } };
        using var found = await host.Client.SendAsync(read);
        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
    }

    private static Task<HttpResponseMessage> PostOrderAsync(HttpClient client, string body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "api/orders")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
            Headers = { { "x-api-key", ApiKey } },
        };
        return client.SendAsync(request);
    }

    private static async Task<long> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
