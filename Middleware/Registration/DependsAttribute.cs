namespace YieldDeps;

/// <summary>
/// Declares a side-effect dependency on a function class or a function method: it is set up before the function
/// and torn down after it even though no parameter receives its value (an audit scope, a lock, an auth check).
/// </summary>
/// <param name="dependencyType">The type the registered dependency provides.</param>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true, Inherited = true)]
public sealed class DependsAttribute(Type dependencyType) : Attribute
{
    /// <summary>Gets the type the registered dependency provides.</summary>
    public Type DependencyType { get; } = dependencyType ?? throw new ArgumentNullException(nameof(dependencyType));

    /// <summary>Gets or sets a value indicating whether this use gets its own instance instead of the invocation's shared one.</summary>
    /// <value><see langword="false"/>.</value>
    public bool Fresh { get; set; }
}
