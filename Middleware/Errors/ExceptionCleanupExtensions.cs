namespace YieldDeps;

/// <summary>Reads what YieldDeps attached to an exception during teardown.</summary>
public static class ExceptionCleanupExtensions
{
    internal const string CleanupFailuresKey = "YieldDeps.CleanupFailures";
    internal const string ReplacedExceptionKey = "YieldDeps.ReplacedException";

    /// <summary>
    /// Gets the teardown failures attached to <paramref name="exception"/> while it was in flight, in the order
    /// they happened; empty when there were none.
    /// </summary>
    /// <param name="exception">The exception that was in flight.</param>
    /// <returns>The attached teardown failures.</returns>
    public static IReadOnlyList<DependencyTeardownException> GetCleanupFailures(this Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        lock (exception.Data.SyncRoot)
        {
            return exception.Data[CleanupFailuresKey] is List<DependencyTeardownException> list ? [.. list] : [];
        }
    }

    /// <summary>
    /// Gets the exception that was in flight when a teardown deliberately replaced it with
    /// <paramref name="exception"/>, or <see langword="null"/>.
    /// </summary>
    /// <param name="exception">The replacing exception.</param>
    /// <returns>The replaced exception, if any.</returns>
    public static Exception? GetReplacedException(this Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception.Data[ReplacedExceptionKey] as Exception;
    }

    // One exception instance can be in flight in several invocations at once (a cached faulted task rethrown to
    // each caller), so its Data is written under a lock.
    internal static void AttachCleanupFailure(Exception inFlight, DependencyTeardownException failure)
    {
        lock (inFlight.Data.SyncRoot)
        {
            if (inFlight.Data[CleanupFailuresKey] is not List<DependencyTeardownException> list)
            {
                list = [];
                inFlight.Data[CleanupFailuresKey] = list;
            }

            list.Add(failure);
        }
    }
}
