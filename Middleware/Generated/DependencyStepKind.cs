using System.ComponentModel;

namespace YieldDeps.Generated;

/// <summary>What kind of step a generated case is: how the factory's result is entered and exited.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public enum DependencyStepKind
{
    /// <summary>A method returning <see cref="IAsyncEnumerable{T}"/>, written with <c>yield return</c>.</summary>
    AsyncIterator,

    /// <summary>A method returning <see cref="IEnumerable{T}"/>, written with <c>yield return</c>.</summary>
    SyncIterator,

    /// <summary>A class implementing <see cref="IDependency{T}"/>, created with its constructor.</summary>
    Class,

    /// <summary>A method returning its value.</summary>
    Value,

    /// <summary>A method returning <see cref="Task{TResult}"/>.</summary>
    Task,

    /// <summary>A method returning <see cref="ValueTask{TResult}"/>.</summary>
    ValueTask,

    /// <summary>The constructor of a class that holds functions and takes dependencies.</summary>
    FunctionClass,
}
