using System.Data.Common;

namespace FunctionApp.Sample.Data;

/// <summary>A read-only view of the database for one invocation: on SQLite a deferred transaction, so readers never take the write lock.</summary>
public sealed class ReadSession(DbSession session)
{
    public DbCommand Command(string sql, params (string Name, object? Value)[] parameters) => session.Command(sql, parameters);
}
