namespace YieldDeps.Engine;

/// <summary>
/// An <see cref="IAsyncEnumerable{T}"/> dependency: runs to its <c>yield return</c> on entry; on success it is
/// resumed (the code after the yield runs, then its <c>finally</c> blocks); on failure it is only disposed, so the
/// code after the yield is skipped and only <c>finally</c>/<c>using</c> run. The enumerator is the exit's state.
/// </summary>
internal sealed class AsyncIteratorStrategy<T> : DependencyStrategy
{
    public override async ValueTask<EnteredDependency> EnterAsync(DependencyDescriptor descriptor, object? created, CancellationToken cancellationToken)
    {
        var enumerator = ((IAsyncEnumerable<T>)created!).GetAsyncEnumerator(cancellationToken);
        bool yielded;
        try
        {
            yielded = await enumerator.MoveNextAsync().ConfigureAwait(false);
        }
        catch
        {
            await enumerator.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        if (!yielded)
        {
            await enumerator.DisposeAsync().ConfigureAwait(false);
            throw DependencyYieldException.DidNotYield(descriptor.Name);
        }

        return new EnteredDependency(enumerator.Current, enumerator);
    }

    public override ValueTask ExitAsync(DependencyDescriptor descriptor, object? value, object? state, Exception? failure, InvocationOutcome outcome)
    {
        var enumerator = (IAsyncEnumerator<T>)state!;
        return failure is not null ? enumerator.DisposeAsync() : ResumeAsync(descriptor.Name, enumerator);
    }

    private static async ValueTask ResumeAsync(string name, IAsyncEnumerator<T> enumerator)
    {
        bool yieldedAgain;
        try
        {
            yieldedAgain = await enumerator.MoveNextAsync().ConfigureAwait(false);
        }
        catch
        {
            await enumerator.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        await enumerator.DisposeAsync().ConfigureAwait(false);
        if (yieldedAgain)
        {
            throw DependencyYieldException.YieldedTwice(name);
        }
    }
}
