using System.ComponentModel;

namespace YieldDeps.Generated;

/// <summary>What the exit step of one dependency works on: its value, its state, the failure in flight and the outcome.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct DependencyExit
{
    internal DependencyExit(string name, object? value, object? state, Exception? failure, InvocationOutcome outcome)
    {
        Name = name;
        Value = value;
        State = state;
        Failure = failure;
        Outcome = outcome;
    }

    internal string Name { get; }

    internal object? Value { get; }

    internal object? State { get; }

    internal Exception? Failure { get; }

    internal InvocationOutcome Outcome { get; }
}
