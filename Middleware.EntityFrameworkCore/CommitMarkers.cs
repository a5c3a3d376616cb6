using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace YieldDeps.EntityFrameworkCore;

/// <summary>
/// Writes a unit of work's commit marker inside its transaction, checks for it on a fresh connection when the commit's
/// outcome is unknown, and deletes it once the outcome is known.
/// </summary>
internal static class CommitMarkers
{
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan LongestRetryDelay = TimeSpan.FromSeconds(1);

    /// <summary>Inserts a fresh marker in the context's current transaction, without touching its change tracker.</summary>
    /// <returns>The marker's id.</returns>
    public static async Task<string> WriteAsync(DbContext context, string unitOfWork, CancellationToken cancellationToken)
    {
        var id = Guid.NewGuid().ToString("N");

        // The table's name comes from the model, delimited by the provider; the values are parameters.
        var insert = "INSERT INTO " + Table(context, unitOfWork) + " (id, created_at) VALUES ({0}, {1})";
        await context.Database.ExecuteSqlRawAsync(insert, [id, DateTime.UtcNow], cancellationToken).ConfigureAwait(false);
        return id;
    }

    /// <summary>Deletes the marker after a commit known to have happened, on the context's connection; a failure is ignored (the marker is only litter).</summary>
    public static async Task DeleteAsync(DbContext context, string id, CancellationToken cancellationToken)
    {
        try
        {
            await context.Set<CommitMarker>().Where(m => m.Id == id).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is DbException or InvalidOperationException or TimeoutException or OperationCanceledException)
        {
            // Left behind: harmless, and deletable by age (created_at).
        }
    }

    /// <summary>
    /// Looks for the marker on a fresh context over a connection of its own (not from the pool, where a connection
    /// broken by the same failure may wait), retrying until <paramref name="timeout"/>: a server restarting refuses
    /// connections for a moment. Deletes the marker when found.
    /// </summary>
    /// <returns>The verdict, and the last failure of a check when the verdict is <see cref="CommitVerdict.Unknown"/>.</returns>
    public static async Task<(CommitVerdict Verdict, Exception? Failure)> VerifyAsync<TContext>(
        IServiceProvider services, DbContext context, string id, TimeSpan timeout, CancellationToken cancellationToken)
        where TContext : DbContext
    {
        var connectionString = Unpooled(context.Database.GetConnectionString());
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var delay = FirstRetryDelay;
        Exception? failure = null;
        while (true)
        {
            try
            {
                await using var fresh = await CreateAsync<TContext>(services, deadline.Token).ConfigureAwait(false);
                if (connectionString is not null)
                {
                    fresh.Database.SetConnectionString(connectionString);
                }

                var markers = fresh.Set<CommitMarker>();
                if (!await markers.AnyAsync(m => m.Id == id, deadline.Token).ConfigureAwait(false))
                {
                    return (CommitVerdict.NotCommitted, null);
                }

                try
                {
                    await markers.Where(m => m.Id == id).ExecuteDeleteAsync(deadline.Token).ConfigureAwait(false);
                }
                catch (Exception e) when (e is DbException or InvalidOperationException or TimeoutException or OperationCanceledException)
                {
                    // Found: the verdict stands; the marker is litter, deletable by age.
                }

                return (CommitVerdict.Committed, null);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                failure = e;
            }

            if (deadline.IsCancellationRequested)
            {
                return (CommitVerdict.Unknown, failure);
            }

            try
            {
                await Task.Delay(delay, deadline.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return (CommitVerdict.Unknown, failure);
            }

            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, LongestRetryDelay.Ticks));
        }
    }

    private static async Task<TContext> CreateAsync<TContext>(IServiceProvider services, CancellationToken cancellationToken)
        where TContext : DbContext
    {
        // A context of its own with the app's options (not the pooled factory's, whose contexts keep what is changed
        // on them), else the factory's.
        if (services.GetService<DbContextOptions<TContext>>() is not null)
        {
            try
            {
                return ActivatorUtilities.CreateInstance<TContext>(services);
            }
            catch (InvalidOperationException)
            {
                // A constructor ActivatorUtilities cannot satisfy: fall back to the factory.
            }
        }

        var factory = services.GetService<IDbContextFactory<TContext>>()
            ?? throw new InvalidOperationException($"No way to create a fresh {typeof(TContext).Name} to verify a commit.");
        return await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
    }

    private static string? Unpooled(string? connectionString)
    {
        if (string.IsNullOrEmpty(connectionString))
        {
            return null;
        }

        try
        {
            var builder = new DbConnectionStringBuilder { ConnectionString = connectionString };
            builder["Pooling"] = "false";
            return builder.ConnectionString;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static string Table(DbContext context, string unitOfWork)
    {
        var entity = context.Model.FindEntityType(typeof(CommitMarker))
            ?? throw new InvalidOperationException(
                $"{unitOfWork} verifies its commits, but {context.GetType().Name} has no commit markers: call modelBuilder.AddCommitMarkers() in its OnModelCreating, and add the table.");
        var sql = context.GetService<ISqlGenerationHelper>();
        return sql.DelimitIdentifier(entity.GetTableName()!, entity.GetSchema());
    }
}
