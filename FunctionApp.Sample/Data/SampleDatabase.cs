using Microsoft.Data.Sqlite;

namespace FunctionApp.Sample.Data;

/// <summary>The orders database: opens connections and creates the schema, with a few products, at startup.</summary>
public sealed class SampleDatabase(string connectionString)
{
    private static readonly (string Sku, string Name, int Stock)[] SeedProducts =
    [
        ("WIDGET-1", "Widget", 10),
        ("GADGET-1", "Gadget", 5),
        ("GIZMO-1", "Gizmo", 0),
    ];

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);

            // Concurrent invocations write to one file: wait for the lock instead of failing at once.
            await using var pragma = connection.CreateCommand();
            pragma.CommandText = "PRAGMA busy_timeout = 30000; PRAGMA foreign_keys = ON;";
            await pragma.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public async Task EnsureCreatedAsync()
    {
        await using var connection = await OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            PRAGMA journal_mode = WAL;
            CREATE TABLE IF NOT EXISTS products (
                sku   TEXT PRIMARY KEY,
                name  TEXT NOT NULL,
                stock INTEGER NOT NULL CHECK (stock >= 0));
            CREATE TABLE IF NOT EXISTS orders (
                id       INTEGER PRIMARY KEY AUTOINCREMENT,
                sku      TEXT NOT NULL REFERENCES products(sku),
                quantity INTEGER NOT NULL CHECK (quantity > 0),
                shipped  INTEGER NOT NULL DEFAULT 0);
            CREATE TABLE IF NOT EXISTS shipment_log (
                id        INTEGER PRIMARY KEY AUTOINCREMENT,
                order_id  INTEGER NOT NULL,
                logged_at TEXT NOT NULL);
            """;
        await command.ExecuteNonQueryAsync();

        foreach (var (sku, name, stock) in SeedProducts)
        {
            await using var seed = connection.CreateCommand();
            seed.CommandText = "INSERT OR IGNORE INTO products (sku, name, stock) VALUES ($sku, $name, $stock)";
            seed.Parameters.AddWithValue("$sku", sku);
            seed.Parameters.AddWithValue("$name", name);
            seed.Parameters.AddWithValue("$stock", stock);
            await seed.ExecuteNonQueryAsync();
        }
    }
}
