namespace YieldDeps;

/// <summary>
/// A dependency broke the yield contract at run time: its iterator finished without yielding, or yielded a
/// second time. Fails the invocation; the other dependencies are still torn down.
/// </summary>
public sealed class DependencyYieldException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="DependencyYieldException"/> class.</summary>
    /// <param name="dependencyName">The name of the dependency at fault.</param>
    /// <param name="message">What went wrong.</param>
    public DependencyYieldException(string dependencyName, string message)
        : base(message)
    {
        DependencyName = dependencyName;
    }

    /// <summary>Gets the name of the dependency at fault.</summary>
    public string DependencyName { get; }

    internal static DependencyYieldException DidNotYield(string name) =>
        new(name, $"Dependency '{name}' did not yield: its iterator finished without a 'yield return'.");

    internal static DependencyYieldException YieldedTwice(string name) =>
        new(name, $"Dependency '{name}' yielded more than once: a dependency iterator must have exactly one 'yield return'.");
}
