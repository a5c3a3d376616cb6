using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace YieldDeps.EntityFrameworkCore.Tests.Infrastructure;

/// <summary>Fails every command that inserts into <c>customers</c> with a transient <see cref="TimeoutException"/>, counting the attempts.</summary>
public sealed class CommandFaults : DbCommandInterceptor
{
    private int _failedInserts;

    public int FailedInserts => _failedInserts;

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        if (command.CommandText.Contains("INSERT INTO customers", StringComparison.OrdinalIgnoreCase))
        {
            Interlocked.Increment(ref _failedInserts);
            throw new TimeoutException("Injected: the insert timed out.");
        }

        return ValueTask.FromResult(result);
    }
}
