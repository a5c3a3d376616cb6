namespace YieldDeps.Engine;

/// <summary>
/// Enters a dependency of one style and value type: turns what its factory returned into the provided value and
/// the teardown to run after the function. One instance per registration, shared by all invocations.
/// </summary>
internal abstract class DependencyStrategy
{
    public abstract ValueTask<EnteredDependency> EnterAsync(DependencyDescriptor descriptor, object? created, CancellationToken cancellationToken);
}
