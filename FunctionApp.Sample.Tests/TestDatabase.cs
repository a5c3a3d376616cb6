using FunctionApp.Sample.Data;
using Microsoft.Data.Sqlite;

namespace FunctionApp.Sample.Tests;

/// <summary>A real SQLite file of the sample's schema, in a folder of its own, deleted after the test.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("sample-tests-").FullName;

    private TestDatabase()
    {
        ConnectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(_folder, "orders.db"), Pooling = false }.ToString();
        Database = new SampleDatabase(ConnectionString);
    }

    public string ConnectionString { get; }

    public SampleDatabase Database { get; }

    public static async Task<TestDatabase> CreateAsync()
    {
        var database = new TestDatabase();
        await database.Database.EnsureCreatedAsync();
        return database;
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

    public long Orders() => Scalar("SELECT COUNT(*) FROM orders");

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        return ValueTask.CompletedTask;
    }
}
