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

    /// <summary>Gets the value the dependency provided.</summary>
    public object? Value { get; }

    /// <summary>Gets what its exit works on: the iterator, or the class.</summary>
    public object? State { get; }

    /// <summary>Gets the exception in flight: null to resume (commit), otherwise dispose (roll back).</summary>
    public Exception? Failure { get; }

    /// <summary>Gets the invocation's outcome.</summary>
    public InvocationOutcome Outcome { get; }
}
