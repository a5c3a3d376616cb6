using Microsoft.Data.Sqlite;
using ProbeShared;

namespace StreamingApp;

/// <summary>
/// A read-only connection with the default (function) scope: closed when the function returns, before the response
/// is written. A result read lazily from it is the mistake <c>LazyExportFunctions</c> makes on purpose.
/// </summary>
public sealed class ItemReader(SqliteConnection connection)
{
    public static async IAsyncEnumerable<ItemReader> Open(ExportDatabase database, ProbeEvents events, string tag)
    {
        await using var connection = await database.OpenAsync(CancellationToken.None);
        try
        {
            yield return new ItemReader(connection);
        }
        finally
        {
            events.Record($"reader-closed:{tag}");
        }
    }

    /// <summary>The items, read as they are enumerated.</summary>
    public async IAsyncEnumerable<Item> ItemsAsync()
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT n FROM items ORDER BY n";
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            yield return new Item(reader.GetInt64(0), string.Empty);
        }
    }
}

/// <summary>One exported item; <paramref name="Padding"/> makes a row large enough to be flushed on its own.</summary>
public sealed record Item(long N, string Padding);
