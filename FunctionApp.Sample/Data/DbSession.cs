using System.Data.Common;

namespace FunctionApp.Sample.Data;

/// <summary>One invocation's connection and transaction: every command created here runs inside the transaction.</summary>
public sealed class DbSession(DbConnection connection, DbTransaction transaction)
{
    /// <summary>A command in the session's transaction; parameters are named <c>@name</c>, which both providers read.</summary>
    public DbCommand Command(string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            AddParameter(command, name, value);
        }

        return command;
    }

    internal static void AddParameter(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }
}
