using System.Data.Common;

namespace FunctionApp.Sample.Data;

/// <summary>
/// A connection that stays open until the HTTP response has been written (a request-scoped dependency), so a result
/// can read rows from it while it writes them. Its commands run outside any transaction.
/// </summary>
public sealed class StreamConnection(DbConnection connection)
{
    private long rowsStreamed;

    internal DbConnection Connection => connection;

    /// <summary>How many rows a streamed result has written from this connection so far.</summary>
    public long RowsStreamed => Interlocked.Read(ref rowsStreamed);

    /// <summary>A command on the connection, outside any transaction; parameters are named <c>@name</c>.</summary>
    public DbCommand Command(string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            DbSession.AddParameter(command, name, value);
        }

        return command;
    }

    /// <summary>Counts a row the result has written.</summary>
    public void RowWritten() => Interlocked.Increment(ref rowsStreamed);
}
