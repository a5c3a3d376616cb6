using System.Runtime.CompilerServices;

namespace YieldDeps.Engine;

/// <summary>
/// An <see cref="IAsyncEnumerable{T}"/> dependency: runs to its <c>yield return</c> on entry; on success it is
/// resumed (the code after the yield runs, then its <c>finally</c> blocks); on failure it is only disposed, so the
/// code after the yield is skipped and only <c>finally</c>/<c>using</c> run. The enumerator is the exit's state.
/// </summary>
internal sealed class AsyncIteratorStrategy<T> : DependencyStrategy
{
    public override ValueTask<EnteredDependency> EnterAsync(DependencyDescriptor descriptor, object? created, CancellationToken cancellationToken)
    {
        // The factory's declared return type chose this strategy, so what it returned is an IAsyncEnumerable<T> (or
        // null, which fails on the call as the cast would): no checked cast in this shared generic code.
        var enumerator = Unsafe.As<IAsyncEnumerable<T>>(created!).GetAsyncEnumerator(cancellationToken);
        ValueTask<bool> moveNext;
        try
        {
            moveNext = enumerator.MoveNextAsync();
        }
        catch (Exception e)
        {
            return DisposeAndThrowAsync(enumerator, e);
        }

        // An iterator that reaches its yield without waiting is entered without a state machine of the engine's own.
        if (moveNext.IsCompletedSuccessfully)
        {
            return moveNext.Result ? new(new EnteredDependency(enumerator.Current, enumerator)) : DidNotYieldAsync(descriptor, enumerator);
        }

        return FinishEnterAsync(descriptor, enumerator, moveNext);
    }

    private static async ValueTask<EnteredDependency> DidNotYieldAsync(DependencyDescriptor descriptor, IAsyncEnumerator<T> enumerator)
    {
        await enumerator.DisposeAsync().ConfigureAwait(false);
        throw DependencyYieldException.DidNotYield(descriptor.Name);
    }

    private static async ValueTask<EnteredDependency> FinishEnterAsync(DependencyDescriptor descriptor, IAsyncEnumerator<T> enumerator, ValueTask<bool> moveNext)
    {
        bool yielded;
        try
        {
            yielded = await moveNext.ConfigureAwait(false);
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

    private static async ValueTask<EnteredDependency> DisposeAndThrowAsync(IAsyncEnumerator<T> enumerator, Exception thrown)
    {
        await enumerator.DisposeAsync().ConfigureAwait(false);
        System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(thrown);
        return default;
    }

    public override ValueTask ExitAsync(DependencyDescriptor descriptor, object? value, object? state, Exception? failure, InvocationOutcome outcome)
    {
        var enumerator = Unsafe.As<IAsyncEnumerator<T>>(state!);
        if (failure is not null)
        {
            return enumerator.DisposeAsync();
        }

        ValueTask<bool> moveNext;
        try
        {
            moveNext = enumerator.MoveNextAsync();
        }
        catch (Exception e)
        {
            return DisposeAndRethrowAsync(enumerator, e);
        }

        if (moveNext.IsCompletedSuccessfully)
        {
            // Ran to its end without waiting: only the (finished) iterator's disposal is left.
            return moveNext.Result ? YieldedTwiceAsync(descriptor.Name, enumerator) : enumerator.DisposeAsync();
        }

        return FinishResumeAsync(descriptor.Name, enumerator, moveNext);
    }

    private static async ValueTask YieldedTwiceAsync(string name, IAsyncEnumerator<T> enumerator)
    {
        await enumerator.DisposeAsync().ConfigureAwait(false);
        throw DependencyYieldException.YieldedTwice(name);
    }

    private static async ValueTask DisposeAndRethrowAsync(IAsyncEnumerator<T> enumerator, Exception thrown)
    {
        await enumerator.DisposeAsync().ConfigureAwait(false);
        System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(thrown);
    }

    private static async ValueTask FinishResumeAsync(string name, IAsyncEnumerator<T> enumerator, ValueTask<bool> moveNext)
    {
        bool yieldedAgain;
        try
        {
            yieldedAgain = await moveNext.ConfigureAwait(false);
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
