using System.Runtime.CompilerServices;

namespace YieldDeps.Engine;

/// <summary>An <see cref="IEnumerable{T}"/> dependency, with the same resume-or-dispose rule as the async one.</summary>
internal sealed class SyncIteratorStrategy<T> : DependencyStrategy
{
    public override ValueTask<EnteredDependency> EnterAsync(DependencyDescriptor descriptor, object? created, CancellationToken cancellationToken)
    {
        // The factory's declared return type chose this strategy: no checked cast (see AsyncIteratorStrategy).
        var enumerator = Unsafe.As<IEnumerable<T>>(created!).GetEnumerator();
        bool yielded;
        try
        {
            yielded = enumerator.MoveNext();
        }
        catch
        {
            enumerator.Dispose();
            throw;
        }

        if (!yielded)
        {
            enumerator.Dispose();
            throw DependencyYieldException.DidNotYield(descriptor.Name);
        }

        return new(new EnteredDependency(enumerator.Current, enumerator));
    }

    public override ValueTask ExitAsync(DependencyDescriptor descriptor, object? value, object? state, Exception? failure, InvocationOutcome outcome)
    {
        using (var enumerator = Unsafe.As<IEnumerator<T>>(state!))
        {
            if (failure is null && enumerator.MoveNext())
            {
                throw DependencyYieldException.YieldedTwice(descriptor.Name);
            }
        }

        return default;
    }
}
