using Microsoft.Data.Sqlite;

namespace YieldDeps.EndToEnd.Tests.Streaming;

/// <summary>Apps/StreamingApp's SQLite file, in a temporary folder of its own, read directly by the tests.</summary>
public sealed class ExportsDatabase : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("yielddeps-streaming-").FullName;

    /// <summary>The app's ExportDb setting.</summary>
    public string ConnectionString => new SqliteConnectionStringBuilder
    {
        DataSource = Path.Combine(folder, "exports.db"),
        Pooling = false,
        DefaultTimeout = 30,
    }.ToString();

    /// <summary>Counts the exports of <paramref name="tag"/> that committed.</summary>
    public long CommittedExports(string tag)
    {
        using var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM exports WHERE tag = $tag";
        command.Parameters.AddWithValue("$tag", tag);
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>
    /// Takes SQLite's write lock and lets it go at once: this only succeeds when no transaction of the app is still
    /// open (the session begins its transactions immediate, holding that lock).
    /// </summary>
    public bool WriteLockIsFree()
    {
        var builder = new SqliteConnectionStringBuilder(ConnectionString) { DefaultTimeout = 2 };
        using var connection = new SqliteConnection(builder.ToString());
        connection.Open();
        try
        {
            using var transaction = connection.BeginTransaction(deferred: false);
            transaction.Rollback();
            return true;
        }
        catch (SqliteException e) when (e.SqliteErrorCode == 5)
        {
            return false;
        }
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
