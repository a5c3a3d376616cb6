using YieldDeps.Generated;

namespace YieldDeps.Engine;

/// <summary>
/// Enters and exits a dependency of one style and value type: turns what its factory returned into the provided
/// value and the state its exit needs (the iterator, the class instance), and finishes it after the function. One
/// instance per registration, shared by all invocations; the per-invocation state lives in the invocation's slots,
/// so entering allocates nothing of the engine's own.
/// </summary>
internal abstract class DependencyStrategy
{
    /// <summary>Gets a value indicating whether <see cref="ExitAsync"/> has anything to do.</summary>
    public virtual bool HasExit => true;

    public abstract ValueTask<EnteredDependency> EnterAsync(DependencyDescriptor descriptor, object? created, CancellationToken cancellationToken);

    /// <summary>Finishes the dependency.</summary>
    /// <param name="descriptor">The dependency.</param>
    /// <param name="value">The value it provided.</param>
    /// <param name="state">What <see cref="EnterAsync"/> returned as its state.</param>
    /// <param name="failure">Null to resume (success, commit); otherwise the exception in flight (dispose, rollback).</param>
    /// <param name="outcome">The invocation's outcome, in teardown: its teardown token is fired only by the teardown timeout.</param>
    public virtual ValueTask ExitAsync(DependencyDescriptor descriptor, object? value, object? state, Exception? failure, InvocationOutcome outcome) => default;
}
