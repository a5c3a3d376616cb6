using Microsoft.Extensions.Logging;

namespace YieldDeps.Diagnostics;

/// <summary>The library's log events, with fixed ids so they can be filtered and alerted on.</summary>
internal static partial class YieldDepsLog
{
    /// <summary>The log category of every YieldDeps event.</summary>
    public const string Category = "YieldDeps";

    [LoggerMessage(EventId = 1, EventName = "DependencyEntered", Level = LogLevel.Debug,
        Message = "Function '{Function}': dependency '{Dependency}' entered.")]
    public static partial void DependencyEntered(ILogger logger, string function, string dependency);

    [LoggerMessage(EventId = 2, EventName = "DependencyExited", Level = LogLevel.Debug,
        Message = "Function '{Function}': dependency '{Dependency}' exited after success.")]
    public static partial void DependencyExited(ILogger logger, string function, string dependency);

    [LoggerMessage(EventId = 3, EventName = "DependencyRolledBack", Level = LogLevel.Information,
        Message = "Function '{Function}': dependency '{Dependency}' exited with an exception in flight (rolled back).")]
    public static partial void DependencyRolledBack(ILogger logger, string function, string dependency);

    [LoggerMessage(EventId = 4, EventName = "TeardownFailed", Level = LogLevel.Error,
        Message = "Function '{Function}': teardown of dependency '{Dependency}' failed in phase {Phase}; exception in flight: {InFlight}.")]
    public static partial void TeardownFailed(ILogger logger, string function, string dependency, TeardownPhase phase, string inFlight, Exception exception);

    [LoggerMessage(EventId = 5, EventName = "ExceptionReplaced", Level = LogLevel.Warning,
        Message = "Function '{Function}': teardown of dependency '{Dependency}' replaced the exception in flight with {Replacement}.")]
    public static partial void ExceptionReplaced(ILogger logger, string function, string dependency, string replacement, Exception replaced);

    [LoggerMessage(EventId = 6, EventName = "HttpProblem", Level = LogLevel.Information,
        Message = "Function '{Function}' (invocation {InvocationId}) answered HTTP {Status}: {Detail}")]
    public static partial void HttpProblem(ILogger logger, string function, string invocationId, int status, string? detail);

    [LoggerMessage(EventId = 7, EventName = "UnhandledException", Level = LogLevel.Error,
        Message = "Function '{Function}' (invocation {InvocationId}) failed; answered HTTP 500.")]
    public static partial void UnhandledException(ILogger logger, string function, string invocationId, Exception exception);

    [LoggerMessage(EventId = 8, EventName = "NoHttpResponseWritten", Level = LogLevel.Error,
        Message = "Function '{Function}' (invocation {InvocationId}) failed and no HTTP response could be written; the failure goes to the host.")]
    public static partial void NoHttpResponseWritten(ILogger logger, string function, string invocationId);

    [LoggerMessage(EventId = 9, EventName = "ProblemWriteFailed", Level = LogLevel.Error,
        Message = "Function '{Function}' (invocation {InvocationId}): the problem response could not be written.")]
    public static partial void ProblemWriteFailed(ILogger logger, string function, string invocationId, Exception exception);

    [LoggerMessage(EventId = 10, EventName = "ClientWentAway", Level = LogLevel.Information,
        Message = "Function '{Function}' (invocation {InvocationId}): the client went away; the dependencies were rolled back and nothing was answered.")]
    public static partial void ClientWentAway(ILogger logger, string function, string invocationId);

    [LoggerMessage(EventId = 11, EventName = "FrameworkStatus", Level = LogLevel.Information,
        Message = "Function '{Function}' (invocation {InvocationId}) ended with an exception that carries HTTP {Status}; answered with that status.")]
    public static partial void FrameworkStatus(ILogger logger, string function, string invocationId, int status, Exception exception);

    [LoggerMessage(EventId = 12, EventName = "ResultCountedAsFailure", Level = LogLevel.Warning,
        Message = "Function '{Function}' (invocation {InvocationId}) answered HTTP {Status}, which a FailWhen rule counts as a failure; the dependencies were rolled back.")]
    public static partial void ResultCountedAsFailure(ILogger logger, string function, string invocationId, int? status);

    [LoggerMessage(EventId = 13, EventName = "UnsavedChanges", Level = LogLevel.Warning,
        Message = "Function '{Function}' (invocation {InvocationId}) succeeded, but the EF Core context {Context} it was handed without a unit of work " +
            "still has changes it did not save, and nothing saves them. Call SaveChangesAsync in the function, or register a unit of work for the context " +
            "(deps.AddDbContextUnitOfWork<TContext>()).")]
    public static partial void UnsavedChanges(ILogger logger, string function, string invocationId, string context);

    [LoggerMessage(EventId = 14, EventName = "ResponseAfterTeardown", Level = LogLevel.Error,
        Message = "Function '{Function}' (invocation {InvocationId}): writing the response failed after dependencies {Dependencies} were torn down. " +
            "A result read from them while the response is written (an iterator, a LINQ query or a reader over a session) finds them closed: " +
            "register them with o => o.Scope = DependencyScope.Request, so they stay open until the response is written, or read the result " +
            "completely (ToList) before returning it.")]
    public static partial void ResponseAfterTeardown(ILogger logger, string function, string invocationId, string dependencies, Exception exception);

    [LoggerMessage(EventId = 15, EventName = "FunctionPath", Level = LogLevel.Debug,
        Message = "Function '{Function}' runs on {Path}{Reason}.")]
    public static partial void FunctionPath(ILogger logger, string function, string path, string reason);
}
