namespace YieldDeps;

/// <summary>Options of one dependency registration.</summary>
public sealed class DependencyOptions
{
    /// <summary>Gets or sets the name used in logs and error messages.</summary>
    /// <value><see langword="null"/>: <c>Class.Method</c> of the factory method, the class name of a class-style dependency, or the provided type's name for a lambda.</value>
    public string? Name { get; set; }

    /// <summary>
    /// Gets or sets a value indicating whether one instance is shared per invocation by every parameter,
    /// constructor and dependant that asks for it.
    /// </summary>
    /// <value><see langword="true"/>. When <see langword="false"/>, every use gets its own instance with its own setup and teardown.</value>
    public bool UseCache { get; set; } = true;

    /// <summary>
    /// Gets or sets a value indicating whether the provided value is disposed (<see cref="IAsyncDisposable"/>
    /// or <see cref="IDisposable"/>) after the dependency's own teardown.
    /// </summary>
    /// <value><see langword="false"/>: a returned disposable belongs to whoever created it.</value>
    public bool DisposeValue { get; set; }

    /// <summary>Gets or sets when the dependency is torn down relative to the HTTP response.</summary>
    /// <value><see cref="DependencyScope.Function"/>: before the response leaves the worker.</value>
    public DependencyScope Scope { get; set; } = DependencyScope.Function;

    /// <summary>
    /// Gets or sets a rule for this dependency alone that counts a result the function produced without
    /// throwing as a failure; when it returns <see langword="true"/> this dependency is disposed instead of resumed.
    /// </summary>
    /// <value><see langword="null"/>: only the app-wide <see cref="DependencyRegistry.FailWhen"/> applies.</value>
    public Func<InvocationOutcome, bool>? FailWhen { get; set; }
}
