using System.Data.Common;

namespace FunctionApp.Sample.Data;

/// <summary>
/// A transaction on the request's <see cref="StreamConnection"/> that ends with the function (a function-scoped
/// dependency): what the function writes in it is committed before the response starts.
/// </summary>
public sealed class StreamTransaction(StreamConnection connection, DbTransaction transaction)
{
    /// <summary>A command in the transaction; parameters are named <c>@name</c>.</summary>
    public DbCommand Command(string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.Command(sql, parameters);
        command.Transaction = transaction;
        return command;
    }
}
