using System.Runtime.CompilerServices;
using YieldDeps.Generated;

namespace YieldDeps.Engine;

/// <summary>
/// An <see cref="IAsyncEnumerable{T}"/> dependency: runs to its <c>yield return</c> on entry; on success it is
/// resumed (the code after the yield runs, then its <c>finally</c> blocks); on failure it is only disposed, so the
/// code after the yield is skipped and only <c>finally</c>/<c>using</c> run. The enumerator is the exit's state. The
/// steps themselves are <see cref="DependencySteps"/>', which generated code calls too.
/// </summary>
internal sealed class AsyncIteratorStrategy<T> : DependencyStrategy
{
    // The factory's declared return type chose this strategy, so what it returned is an IAsyncEnumerable<T> (or null,
    // which fails on the call as the cast would): no checked cast in this shared generic code.
    public override ValueTask<EnteredDependency> EnterAsync(DependencyDescriptor descriptor, object? created, CancellationToken cancellationToken) =>
        DependencySteps.EnterAsyncIterator(Unsafe.As<IAsyncEnumerable<T>>(created!), descriptor.Name, cancellationToken);

    public override ValueTask ExitAsync(DependencyDescriptor descriptor, object? value, object? state, Exception? failure, InvocationOutcome outcome) =>
        DependencySteps.ExitAsyncIterator(Unsafe.As<IAsyncEnumerator<T>>(state!), failure, descriptor.Name);
}
