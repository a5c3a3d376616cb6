using System.Runtime.CompilerServices;
using YieldDeps.Generated;

namespace YieldDeps.Engine;

/// <summary>An <see cref="IEnumerable{T}"/> dependency, with the same resume-or-dispose rule as the async one (steps in <see cref="DependencySteps"/>).</summary>
internal sealed class SyncIteratorStrategy<T> : DependencyStrategy
{
    // The factory's declared return type chose this strategy: no checked cast (see AsyncIteratorStrategy).
    public override ValueTask<EnteredDependency> EnterAsync(DependencyDescriptor descriptor, object? created, CancellationToken cancellationToken) =>
        DependencySteps.EnterSyncIterator(Unsafe.As<IEnumerable<T>>(created!), descriptor.Name);

    public override ValueTask ExitAsync(DependencyDescriptor descriptor, object? value, object? state, Exception? failure, InvocationOutcome outcome) =>
        DependencySteps.ExitSyncIterator(Unsafe.As<IEnumerator<T>>(state!), failure, descriptor.Name);
}
