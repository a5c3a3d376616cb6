using System.Reflection;

namespace YieldDeps.Engine;

/// <summary>One registered dependency, with everything needed to set it up, computed once at registration.</summary>
internal sealed class DependencyDescriptor(
    Type key,
    Type valueType,
    string name,
    DependencyStyle style,
    ParameterInfo[] parameters,
    Func<object?[], object?> create,
    DependencyStrategy strategy,
    DependencyOptions options)
{
    /// <summary>Gets the type dependants ask for.</summary>
    public Type Key { get; } = key;

    /// <summary>Gets the type of the value the factory provides.</summary>
    public Type ValueType { get; } = valueType;

    public string Name { get; } = name;

    public DependencyStyle Style { get; } = style;

    /// <summary>Gets the parameters resolved for the factory (method parameters, or the class constructor's).</summary>
    public ParameterInfo[] Parameters { get; } = parameters;

    /// <summary>Gets the compiled call of the factory: returns the iterator, task, class instance or value.</summary>
    public Func<object?[], object?> Create { get; } = create;

    /// <summary>Gets the same call for a factory of exactly one parameter, taking it without an argument array; null otherwise.</summary>
    public Func<object?, object?>? CreateWithOne { get; init; }

    public DependencyStrategy Strategy { get; } = strategy;

    public bool UseCache { get; } = options.UseCache;

    public bool DisposeValue { get; } = options.DisposeValue;

    public Func<InvocationOutcome, bool>? FailWhen { get; } = options.FailWhen;

    public DependencyScope Scope { get; } = options.Scope;

    /// <summary>
    /// Gets a value indicating whether its teardown is its strategy's exit step and nothing else: no value to dispose,
    /// no failure rule of its own (the common case, which the engine finishes without a state machine).
    /// </summary>
    public bool ExitsOnly { get; } = strategy.HasExit && !options.DisposeValue && options.FailWhen is null;

    /// <summary>Gets a value indicating whether this dependency has anything to do after the function ran.</summary>
    public bool HasTeardown => Style != DependencyStyle.Plain || DisposeValue;

    /// <summary>Gets the name and provided type, as shown in messages.</summary>
    public string Display { get; } = name == key.Name ? $"'{name}'" : $"'{name}' ({TypeNames.Of(key)})";

    public TeardownPhase PhaseFor(bool resumed) => Style switch
    {
        DependencyStyle.Class => TeardownPhase.Exit,
        DependencyStyle.Plain => TeardownPhase.DisposeValue,
        _ => resumed ? TeardownPhase.Resume : TeardownPhase.Dispose,
    };
}
