namespace YieldDeps.Engine;

/// <summary>The rules that decide which exception stays primary when a teardown throws while another is in flight.</summary>
internal static class ExceptionRules
{
    /// <summary>
    /// A replacement is deliberate when it is HTTP-aware or wraps the exception in flight; anything else is an
    /// accident of cleanup that must not mask the root cause.
    /// </summary>
    public static bool IsDeliberateReplacement(Exception replacement, Exception inFlight) =>
        replacement is HttpProblemException || Wraps(replacement, inFlight);

    /// <summary>Unwraps the single-inner <see cref="AggregateException"/> the worker's reflection executor produces.</summary>
    public static Exception Unwrap(Exception exception)
    {
        while (exception is AggregateException { InnerExceptions.Count: 1 } aggregate)
        {
            exception = aggregate.InnerExceptions[0];
        }

        return exception;
    }

    /// <summary>
    /// Gets a value indicating whether an exception is what a request ends with when its client went away: a
    /// cancellation, or an I/O error (a reset connection) on the request or response stream.
    /// </summary>
    public static bool IsClientGone(Exception exception) => exception is OperationCanceledException or IOException;

    private static bool Wraps(Exception outer, Exception target)
    {
        for (var inner = outer.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (ReferenceEquals(inner, target))
            {
                return true;
            }

            if (inner is AggregateException aggregate && aggregate.InnerExceptions.Any(e => ReferenceEquals(e, target) || Wraps(e, target)))
            {
                return true;
            }
        }

        return false;
    }
}
