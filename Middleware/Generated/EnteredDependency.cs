using System.ComponentModel;

namespace YieldDeps.Generated;

/// <summary>
/// A dependency that was set up: the value it provides and the state its exit needs (the iterator, the class
/// instance; null when nothing). Passed through by the code the YieldDeps source generator writes; not meant to be
/// created or read by app code.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct EnteredDependency
{
    internal EnteredDependency(object? value, object? state)
    {
        Value = value;
        State = state;
    }

    internal object? Value { get; }

    internal object? State { get; }
}
