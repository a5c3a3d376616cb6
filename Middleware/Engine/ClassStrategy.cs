namespace YieldDeps.Engine;

/// <summary>A class-style dependency: <see cref="IDependency{T}.EnterAsync"/> on entry, <see cref="IDependency{T}.ExitAsync"/> on teardown.</summary>
internal sealed class ClassStrategy<T> : DependencyStrategy
{
    public override async ValueTask<EnteredDependency> EnterAsync(DependencyDescriptor descriptor, object? created, CancellationToken cancellationToken)
    {
        var dependency = (IDependency<T>)created!;
        var value = await dependency.EnterAsync(cancellationToken).ConfigureAwait(false);
        return new EnteredDependency(value, dependency);
    }

    public override ValueTask ExitAsync(DependencyDescriptor descriptor, object? value, object? state, Exception? failure, InvocationOutcome outcome) =>
        ((IDependency<T>)state!).ExitAsync((T)value!, failure, outcome.TeardownToken);
}
