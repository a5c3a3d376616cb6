using Microsoft.Extensions.Logging;
using YieldDeps.Engine;

namespace YieldDeps.Diagnostics;

/// <summary>Turns engine events into <see cref="YieldDepsLog"/> entries.</summary>
internal sealed class LoggingDependencyEvents(ILoggerFactory loggerFactory) : IDependencyEvents
{
    private readonly ILogger _logger = loggerFactory.CreateLogger(YieldDepsLog.Category);

    public ILogger Logger => _logger;

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
