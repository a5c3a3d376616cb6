using System.ComponentModel;

namespace YieldDeps.Generated;

/// <summary>
/// The generated code of one dependency factory, dependency class or function-class constructor: a class of its own
/// per case, so that each is one small method the runtime optimises on its own, reached by one virtual call. Written
/// by the YieldDeps source generator; not meant to be derived from by hand.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class GeneratedStep
{
    /// <summary>Initializes a new instance of the <see cref="GeneratedStep"/> class; for generated code.</summary>
    protected GeneratedStep()
    {
    }

    /// <summary>Calls the factory (or the dependency class's constructor) and enters what it returned.</summary>
    /// <param name="arguments">The call's arguments.</param>
    /// <returns>The entered dependency.</returns>
    public virtual ValueTask<EnteredDependency> EnterAsync(DependencyArguments arguments) =>
        throw new NotSupportedException("This generated step creates a function class.");

    /// <summary>Exits the dependency; nothing to do for a plain one.</summary>
    /// <param name="exit">The dependency's state and the failure in flight.</param>
    /// <returns>The exit.</returns>
    public virtual ValueTask ExitAsync(DependencyExit exit) => default;

    /// <summary>Creates the function class with its constructor's arguments.</summary>
    /// <param name="arguments">The constructor's arguments.</param>
    /// <returns>The function class.</returns>
    public virtual object CreateFunctionClass(DependencyArguments arguments) =>
        throw new NotSupportedException("This generated step sets a dependency up.");
}
