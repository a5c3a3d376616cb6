namespace YieldDeps;

/// <summary>
/// A class-style dependency: an enter step that provides the value and an exit step that sees how the
/// invocation ended. Register it with <see cref="DependencyRegistry.AddClass{TDependency}"/>; its constructor
/// parameters are resolved like any dependency's parameters.
/// </summary>
/// <typeparam name="T">The type of the value provided to dependants.</typeparam>
public interface IDependency<T>
{
    /// <summary>Sets the dependency up before the function body runs.</summary>
    /// <param name="cancellationToken">The invocation's cancellation token.</param>
    /// <returns>The value handed to the function and to dependants.</returns>
    ValueTask<T> EnterAsync(CancellationToken cancellationToken);

    /// <summary>Tears the dependency down after the function body and every dependant's teardown ran.</summary>
    /// <param name="value">The value <see cref="EnterAsync"/> returned.</param>
    /// <param name="exception">The exception in flight, or <see langword="null"/> when the invocation succeeded (commit).</param>
    /// <param name="cancellationToken">The teardown token: not fired by the invocation's cancellation, only by the teardown timeout.</param>
    /// <returns>A task that completes when the teardown is done.</returns>
    ValueTask ExitAsync(T value, Exception? exception, CancellationToken cancellationToken);
}
