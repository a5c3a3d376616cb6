using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;

namespace YieldDeps.Generated;

/// <summary>
/// How a dependency of each style is entered and exited: runs an iterator to its <c>yield return</c> and resumes or
/// disposes it, enters and exits a class, awaits a task. The run-time engine's strategies and the code the source
/// generator writes call these same steps, so both follow one contract. The common path of each step is small and
/// inlined into its caller, where the dependency's type is known exactly.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class DependencySteps
{
    /// <summary>Enters a sync-iterator dependency: runs it to its <c>yield return</c>.</summary>
    /// <typeparam name="T">The type it provides.</typeparam>
    /// <param name="sequence">What the factory returned.</param>
    /// <param name="arguments">The call's arguments, for the dependency's name.</param>
    /// <returns>The entered dependency.</returns>
    public static ValueTask<EnteredDependency> EnterSyncIterator<T>(IEnumerable<T> sequence, DependencyArguments arguments) =>
        EnterSyncIterator(sequence, arguments.Name);

    /// <summary>Exits a sync-iterator dependency: resumes it on success, disposes it on failure.</summary>
    /// <typeparam name="T">The type it provides.</typeparam>
    /// <param name="exit">The dependency's state and the failure in flight.</param>
    /// <returns>The exit.</returns>
    public static ValueTask ExitSyncIterator<T>(DependencyExit exit) =>
        ExitSyncIterator(Unsafe.As<IEnumerator<T>>(exit.State!), exit.Failure, exit.Name);

    /// <summary>Enters a class-style dependency.</summary>
    /// <typeparam name="T">The type it provides.</typeparam>
    /// <param name="dependency">The class, just created.</param>
    /// <param name="arguments">The call's arguments, for the token.</param>
    /// <returns>The entered dependency.</returns>
    public static ValueTask<EnteredDependency> EnterClass<T>(IDependency<T> dependency, DependencyArguments arguments) =>
        EnterClass(dependency, arguments.CancellationToken);

    /// <summary>Exits a class-style dependency.</summary>
    /// <typeparam name="T">The type it provides.</typeparam>
    /// <param name="exit">The dependency's state and the failure in flight.</param>
    /// <returns>The exit.</returns>
    public static ValueTask ExitClass<T>(DependencyExit exit) =>
        Unsafe.As<IDependency<T>>(exit.State!).ExitAsync((T)exit.Value!, exit.Failure, exit.Outcome.TeardownToken);

    /// <summary>Enters a plain dependency whose factory returned its value.</summary>
    /// <typeparam name="T">The type it provides.</typeparam>
    /// <param name="value">The value.</param>
    /// <returns>The entered dependency.</returns>
    public static ValueTask<EnteredDependency> Value<T>(T value) => new(new EnteredDependency(value, null));

    /// <summary>Enters a plain dependency whose factory returned a task.</summary>
    /// <typeparam name="T">The type it provides.</typeparam>
    /// <param name="task">The task.</param>
    /// <returns>The entered dependency.</returns>
    public static async ValueTask<EnteredDependency> Await<T>(Task<T> task) => new(await task.ConfigureAwait(false), null);

    /// <summary>Enters a plain dependency whose factory returned a value task.</summary>
    /// <typeparam name="T">The type it provides.</typeparam>
    /// <param name="task">The task.</param>
    /// <returns>The entered dependency.</returns>
    public static async ValueTask<EnteredDependency> Await<T>(ValueTask<T> task) => new(await task.ConfigureAwait(false), null);

    /// <summary>A dependency entered without waiting: its value and the state its exit needs.</summary>
    /// <param name="value">The value it provides.</param>
    /// <param name="state">The iterator or class its exit works on.</param>
    /// <returns>The entered dependency.</returns>
    public static ValueTask<EnteredDependency> Entered(object? value, object? state) => new(new EnteredDependency(value, state));

    /// <summary>
    /// The rest of an async iterator's entry, after generated code started it and it did not reach its
    /// <c>yield return</c> at once: waits for it, or disposes it and throws when it ended without yielding.
    /// </summary>
    /// <typeparam name="T">The type it provides.</typeparam>
    /// <param name="enumerator">The iterator.</param>
    /// <param name="moveNext">Its first step.</param>
    /// <param name="arguments">The call's arguments, for the dependency's name.</param>
    /// <returns>The entered dependency.</returns>
    public static ValueTask<EnteredDependency> ContinueEnter<T>(IAsyncEnumerator<T> enumerator, ValueTask<bool> moveNext, DependencyArguments arguments)
    {
        if (!moveNext.IsCompletedSuccessfully)
        {
            return FinishEnterAsync(arguments.Name, enumerator, moveNext);
        }

        return moveNext.Result ? new(new EnteredDependency(enumerator.Current, enumerator)) : DidNotYieldAsync(arguments.Name, enumerator);
    }

    /// <summary>An async iterator whose first step threw: disposes it, then rethrows.</summary>
    /// <typeparam name="T">The type it provides.</typeparam>
    /// <param name="enumerator">The iterator.</param>
    /// <param name="thrown">What its first step threw.</param>
    /// <returns>The failed entry.</returns>
    public static ValueTask<EnteredDependency> EnterFailed<T>(IAsyncEnumerator<T> enumerator, Exception thrown) => DisposeAndThrowAsync(enumerator, thrown);

    /// <summary>
    /// The rest of an async iterator's resumption, after generated code resumed it and it did not end at once: waits
    /// for it, or fails when it yielded a second time; then disposes it.
    /// </summary>
    /// <typeparam name="T">The type it provides.</typeparam>
    /// <param name="enumerator">The iterator.</param>
    /// <param name="moveNext">The step after its <c>yield return</c>.</param>
    /// <param name="exit">The dependency's exit, for its name.</param>
    /// <returns>The exit.</returns>
    public static ValueTask ContinueResume<T>(IAsyncEnumerator<T> enumerator, ValueTask<bool> moveNext, DependencyExit exit)
    {
        if (!moveNext.IsCompletedSuccessfully)
        {
            return FinishResumeAsync(exit.Name, enumerator, moveNext);
        }

        return moveNext.Result ? YieldedTwiceAsync(exit.Name, enumerator) : enumerator.DisposeAsync();
    }

    /// <summary>An async iterator whose resumption threw: disposes it, then rethrows.</summary>
    /// <typeparam name="T">The type it provides.</typeparam>
    /// <param name="enumerator">The iterator.</param>
    /// <param name="thrown">What the code after its <c>yield return</c> threw.</param>
    /// <returns>The failed exit.</returns>
    public static ValueTask ResumeFailed<T>(IAsyncEnumerator<T> enumerator, Exception thrown) => DisposeAndRethrowAsync(enumerator, thrown);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ValueTask<EnteredDependency> EnterAsyncIterator<T>(IAsyncEnumerable<T> sequence, string name, CancellationToken cancellationToken)
    {
        var enumerator = sequence.GetAsyncEnumerator(cancellationToken);
        ValueTask<bool> moveNext;
        try
        {
            moveNext = enumerator.MoveNextAsync();
        }
        catch (Exception e)
        {
            return DisposeAndThrowAsync(enumerator, e);
        }

        // An iterator that reaches its yield without waiting is entered without a state machine.
        if (moveNext.IsCompletedSuccessfully)
        {
            return moveNext.Result ? new(new EnteredDependency(enumerator.Current, enumerator)) : DidNotYieldAsync(name, enumerator);
        }

        return FinishEnterAsync(name, enumerator, moveNext);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ValueTask ExitAsyncIterator<T>(IAsyncEnumerator<T> enumerator, Exception? failure, string name)
    {
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
            return moveNext.Result ? YieldedTwiceAsync(name, enumerator) : enumerator.DisposeAsync();
        }

        return FinishResumeAsync(name, enumerator, moveNext);
    }

    internal static ValueTask<EnteredDependency> EnterSyncIterator<T>(IEnumerable<T> sequence, string name)
    {
        var enumerator = sequence.GetEnumerator();
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
            throw DependencyYieldException.DidNotYield(name);
        }

        return new(new EnteredDependency(enumerator.Current, enumerator));
    }

    internal static ValueTask ExitSyncIterator<T>(IEnumerator<T> enumerator, Exception? failure, string name)
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

    internal static async ValueTask<EnteredDependency> EnterClass<T>(IDependency<T> dependency, CancellationToken cancellationToken)
    {
        var value = await dependency.EnterAsync(cancellationToken).ConfigureAwait(false);
        return new EnteredDependency(value, dependency);
    }

    private static async ValueTask<EnteredDependency> DidNotYieldAsync<T>(string name, IAsyncEnumerator<T> enumerator)
    {
        await enumerator.DisposeAsync().ConfigureAwait(false);
        throw DependencyYieldException.DidNotYield(name);
    }

    private static async ValueTask<EnteredDependency> FinishEnterAsync<T>(string name, IAsyncEnumerator<T> enumerator, ValueTask<bool> moveNext)
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
            throw DependencyYieldException.DidNotYield(name);
        }

        return new EnteredDependency(enumerator.Current, enumerator);
    }

    private static async ValueTask<EnteredDependency> DisposeAndThrowAsync<T>(IAsyncEnumerator<T> enumerator, Exception thrown)
    {
        await enumerator.DisposeAsync().ConfigureAwait(false);
        ExceptionDispatchInfo.Throw(thrown);
        return default;
    }

    private static async ValueTask YieldedTwiceAsync<T>(string name, IAsyncEnumerator<T> enumerator)
    {
        await enumerator.DisposeAsync().ConfigureAwait(false);
        throw DependencyYieldException.YieldedTwice(name);
    }

    private static async ValueTask DisposeAndRethrowAsync<T>(IAsyncEnumerator<T> enumerator, Exception thrown)
    {
        await enumerator.DisposeAsync().ConfigureAwait(false);
        ExceptionDispatchInfo.Throw(thrown);
    }

    private static async ValueTask FinishResumeAsync<T>(string name, IAsyncEnumerator<T> enumerator, ValueTask<bool> moveNext)
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
