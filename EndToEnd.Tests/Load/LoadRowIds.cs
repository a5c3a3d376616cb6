using System.Data.Common;

namespace YieldDeps.EndToEnd.Tests.Load;

/// <summary>Reads the ids of the rows a load round committed, whatever the database.</summary>
internal static class LoadRowIds
{
    public static async Task<IReadOnlySet<string>> ReadAsync(DbCommand command)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }
}
