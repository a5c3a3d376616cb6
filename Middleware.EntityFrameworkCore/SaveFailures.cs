using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace YieldDeps.EntityFrameworkCore;

/// <summary>The default answer to a failed save: 409 for a constraint violation or a concurrency conflict.</summary>
internal static class SaveFailures
{
    /// <summary>SQLite's primary result code for a constraint violation (the low byte of an extended code).</summary>
    private const int SqliteConstraint = 19;

    public static HttpProblemException? ConflictOrNull(DbUpdateException exception)
    {
        if (exception is DbUpdateConcurrencyException)
        {
            return new HttpProblemException(409, "The data was changed since it was read; read it again and retry.", exception);
        }

        return IsConstraintViolation(exception)
            ? new HttpProblemException(409, "The change conflicts with data already stored (a unique, foreign key or check constraint).", exception)
            : null;
    }

    private static bool IsConstraintViolation(DbUpdateException exception)
    {
        for (var inner = exception.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (inner is not DbException database)
            {
                continue;
            }

            // SQL state class 23: integrity constraint violation (PostgreSQL, MySQL, DB2, and others that report it).
            if (database.SqlState is { Length: 5 } state && state.StartsWith("23", StringComparison.Ordinal))
            {
                return true;
            }

            // Microsoft.Data.Sqlite reports no SQL state, only the SQLite result code (read by name: the package
            // does not depend on the SQLite provider).
            if (database.GetType().FullName == "Microsoft.Data.Sqlite.SqliteException" &&
                database.GetType().GetProperty("SqliteErrorCode")?.GetValue(database) is int code &&
                (code & 0xFF) == SqliteConstraint)
            {
                return true;
            }
        }

        return false;
    }
}
