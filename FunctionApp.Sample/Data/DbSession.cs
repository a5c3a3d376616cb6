using Microsoft.Data.Sqlite;

namespace FunctionApp.Sample.Data;

/// <summary>One invocation's connection and transaction: every command created here runs inside the transaction.</summary>
public sealed class DbSession(SqliteConnection connection, SqliteTransaction transaction)
{
    public SqliteCommand Command(string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }
}
