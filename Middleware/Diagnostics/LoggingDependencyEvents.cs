using Microsoft.Extensions.Logging;
using YieldDeps.Engine;

namespace YieldDeps.Diagnostics;

/// <summary>Turns engine events into <see cref="YieldDepsLog"/> entries.</summary>
internal sealed class LoggingDependencyEvents(ILoggerFactory loggerFactory) : IDependencyEvents
{
    private readonly ILogger _logger = loggerFactory.CreateLogger(YieldDepsLog.Category);

    public ILogger Logger => _logger;

    /// <summary>Logs, at Debug, which code a function's plan runs on: the generated code or the run-time engine, and why.</summary>
    public void FunctionPath(InvocationPlan plan)
    {
        if (_logger.IsEnabled(LogLevel.Debug) && plan.Nodes.Length > 0)
        {
            YieldDepsLog.FunctionPath(
                _logger,
                plan.FunctionName,
                plan.Generated ? "generated code" : "the run-time engine",
                plan.RuntimeReason is { } reason ? $": {reason}" : string.Empty);
        }
    }

    /// <inheritdoc/>
    public bool ReportsSteps => _logger.IsEnabled(LogLevel.Debug);

    public void Entered(string function, DependencyDescriptor dependency) =>
        YieldDepsLog.DependencyEntered(_logger, function, dependency.Name);

    public void Exited(string function, DependencyDescriptor dependency, bool resumed)
    {
        if (resumed)
        {
            YieldDepsLog.DependencyExited(_logger, function, dependency.Name);
        }
        else
        {
            YieldDepsLog.DependencyRolledBack(_logger, function, dependency.Name);
        }
    }

    public void TeardownFailed(string function, DependencyDescriptor dependency, TeardownPhase phase, Exception exception, Exception? inFlight) =>
        YieldDepsLog.TeardownFailed(_logger, function, dependency.Name, phase, inFlight is null ? "none" : $"{inFlight.GetType().Name}: {inFlight.Message}", exception);

    public void Replaced(string function, DependencyDescriptor dependency, Exception replaced, Exception replacement) =>
        YieldDepsLog.ExceptionReplaced(_logger, function, dependency.Name, replacement.GetType().Name, replaced);
}
