namespace YieldDeps;

/// <summary>
/// A teardown failure that did not replace the exception in flight (an accident of cleanup, such as a rollback on
/// a dead connection). It is attached to the exception in flight (see
/// <see cref="ExceptionCleanupExtensions.GetCleanupFailures"/>) and to <see cref="InvocationOutcome.CleanupFailures"/>,
/// and logged.
/// </summary>
public sealed class DependencyTeardownException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="DependencyTeardownException"/> class.</summary>
    /// <param name="dependencyName">The dependency whose teardown failed.</param>
    /// <param name="phase">The teardown step that failed.</param>
    /// <param name="innerException">What the teardown threw.</param>
    public DependencyTeardownException(string dependencyName, TeardownPhase phase, Exception innerException)
        : base($"Teardown of dependency '{dependencyName}' failed ({phase}): {innerException?.Message}", innerException)
    {
        DependencyName = dependencyName;
        Phase = phase;
    }

    /// <summary>Gets the name of the dependency whose teardown failed.</summary>
    public string DependencyName { get; }

    /// <summary>Gets the teardown step that failed.</summary>
    public TeardownPhase Phase { get; }
}
