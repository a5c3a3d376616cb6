using System.Runtime.CompilerServices;

namespace YieldDeps.Engine;

/// <summary>A class-style dependency: <see cref="IDependency{T}.EnterAsync"/> on entry, <see cref="IDependency{T}.ExitAsync"/> on teardown.</summary>
internal sealed class ClassStrategy<T> : DependencyStrategy
{
    public override async ValueTask<EnteredDependency> EnterAsync(DependencyDescriptor descriptor, object? created, CancellationToken cancellationToken)
    {
        // The class implements IDependency<T> (checked at registration): no checked cast (see AsyncIteratorStrategy).
        var dependency = Unsafe.As<IDependency<T>>(created!);
        var value = await dependency.EnterAsync(cancellationToken).ConfigureAwait(false);
        return new EnteredDependency(value, dependency);
    }

    public override ValueTask ExitAsync(DependencyDescriptor descriptor, object? value, object? state, Exception? failure, InvocationOutcome outcome) =>
        Unsafe.As<IDependency<T>>(state!).ExitAsync((T)value!, failure, outcome.TeardownToken);
}
