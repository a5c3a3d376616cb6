using System.Runtime.CompilerServices;
using YieldDeps.Generated;

namespace YieldDeps.Engine;

/// <summary>A class-style dependency: <see cref="IDependency{T}.EnterAsync"/> on entry, <see cref="IDependency{T}.ExitAsync"/> on teardown (steps in <see cref="DependencySteps"/>).</summary>
internal sealed class ClassStrategy<T> : DependencyStrategy
{
    // The class implements IDependency<T> (checked at registration): no checked cast (see AsyncIteratorStrategy).
    public override ValueTask<EnteredDependency> EnterAsync(DependencyDescriptor descriptor, object? created, CancellationToken cancellationToken) =>
        DependencySteps.EnterClass(Unsafe.As<IDependency<T>>(created!), cancellationToken);

    public override ValueTask ExitAsync(DependencyDescriptor descriptor, object? value, object? state, Exception? failure, InvocationOutcome outcome) =>
        DependencySteps.ExitClass<T>(new DependencyExit(descriptor.Name, value, state, failure, outcome));
}
