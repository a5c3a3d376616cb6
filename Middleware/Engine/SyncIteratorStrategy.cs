namespace YieldDeps.Engine;

/// <summary>An <see cref="IEnumerable{T}"/> dependency, with the same resume-or-dispose rule as the async one.</summary>
internal sealed class SyncIteratorStrategy<T> : DependencyStrategy
{
    public override ValueTask<EnteredDependency> EnterAsync(DependencyDescriptor descriptor, object? created, CancellationToken cancellationToken)
    {
        var enumerator = ((IEnumerable<T>)created!).GetEnumerator();
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

        return new(new EnteredDependency(enumerator.Current, new Teardown(descriptor.Name, enumerator)));
    }

    private sealed class Teardown(string name, IEnumerator<T> enumerator) : DependencyTeardown
    {
        public override ValueTask ExitAsync(Exception? failure, TeardownDeadline deadline)
        {
            using (enumerator)
            {
                if (failure is null && enumerator.MoveNext())
                {
                    throw DependencyYieldException.YieldedTwice(name);
                }
            }

            return default;
        }
    }
}
