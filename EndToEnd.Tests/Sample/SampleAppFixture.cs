using Microsoft.Data.Sqlite;
using YieldDeps.EndToEnd.Tests.Infrastructure;
using YieldDeps.Testing;

namespace YieldDeps.EndToEnd.Tests.Sample;

/// <summary>
/// FunctionApp.Sample under LocalHost, on a SQLite file of its own in a temporary folder. The tests read that file
/// directly to check what was committed.
/// </summary>
public sealed class SampleAppFixture : IAsyncLifetime
{
    public const string ApiKey = "end-to-end-key";

    private readonly string _folder = Directory.CreateTempSubdirectory("yielddeps-sample-").FullName;
    private LocalFunctionsHost? _host;

    public LocalFunctionsHost Host => _host ?? throw new InvalidOperationException("The fixture has not started.");

    public HttpClient Client => Host.Client;

    private string ConnectionString => new SqliteConnectionStringBuilder
    {
        DataSource = Path.Combine(_folder, "orders.db"),
        Pooling = false,
        DefaultTimeout = 30,
    }.ToString();

    public async Task InitializeAsync() =>
        _host = await LocalFunctionsHost.StartAsync(
            Path.Combine(RepositoryPaths.Root, "FunctionApp.Sample"),
            new Dictionary<string, string> { ["SampleDb"] = ConnectionString, ["SampleApiKey"] = ApiKey });

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        Directory.Delete(_folder, recursive: true);
    }

    public long Scalar(string sql, params (string Name, object Value)[] parameters)
    {
        using var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public long Stock(string sku) => Scalar("SELECT stock FROM products WHERE sku = $sku", ("$sku", sku));

    public long OrderCount() => Scalar("SELECT COUNT(*) FROM orders");
}

[CollectionDefinition(Name)]
public sealed class SampleAppCollection : ICollectionFixture<SampleAppFixture>
{
    public const string Name = "FunctionApp.Sample";
}
