namespace YieldDeps;

/// <summary>
/// Stands in <see cref="InvocationOutcome.Exception"/> when the function returned normally but
/// <see cref="DependencyRegistry.FailWhen"/> counted its result as a failure. It is never thrown to the host:
/// the response the function produced is still sent.
/// </summary>
public sealed class ResultCountedAsFailureException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="ResultCountedAsFailureException"/> class.</summary>
    /// <param name="httpStatus">The HTTP status the function produced, if any.</param>
    public ResultCountedAsFailureException(int? httpStatus)
        : base(httpStatus is { } status
            ? $"The function's result (HTTP {status}) was counted as a failure."
            : "The function's result was counted as a failure.")
    {
        HttpStatus = httpStatus;
    }

    /// <summary>Gets the HTTP status the function produced, if any.</summary>
    public int? HttpStatus { get; }
}
