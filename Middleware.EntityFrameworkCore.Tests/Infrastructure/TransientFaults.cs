using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace YieldDeps.EntityFrameworkCore.Tests.Infrastructure;

/// <summary>
/// Injects transient failures (a <see cref="TimeoutException"/>, which Npgsql's retrying strategy retries): on the
/// first connection opening, or on the first command whose text contains a marker.
/// </summary>
public sealed class TransientFaults : DbConnectionInterceptor
{
    private int _failOpenings;
    private int _openings;

    public int Openings => _openings;

    public void FailNextOpening() => Interlocked.Exchange(ref _failOpenings, 1);

    public override ValueTask<InterceptionResult> ConnectionOpeningAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _openings);
        if (Interlocked.Exchange(ref _failOpenings, 0) == 1)
        {
            throw new TimeoutException("Injected: the connection timed out.");
        }

        return ValueTask.FromResult(result);
    }
}
