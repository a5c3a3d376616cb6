using System.Reflection;
using YieldDeps.Generated;

namespace YieldDeps.Engine;

/// <summary>One registered dependency, with everything needed to set it up, computed once at registration.</summary>
internal sealed class DependencyDescriptor(
    Type key,
    Type valueType,
    string name,
    DependencyStyle style,
    ParameterInfo[] parameters,
    MethodBase factory,
    object? target,
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

    private Func<object?[], object?>? _create;
    private Func<object?, object?>? _createWithOne;
    private bool _createWithOneCompiled;

    /// <summary>Gets the factory method or the class constructor.</summary>
    public MethodBase Factory { get; } = factory;

    /// <summary>
    /// Gets the compiled call of the factory: returns the iterator, task, class instance or value. Compiled on first
    /// use, by the run-time engine only: a dependency that runs on generated code never compiles it.
    /// </summary>
    public Func<object?[], object?> Create => _create ??= Factory is ConstructorInfo constructor
        ? CompiledFactory.ForConstructor(constructor)
        : CompiledFactory.ForMethod((MethodInfo)Factory, target);

    /// <summary>Gets the same call for a factory of exactly one parameter, taking it without an argument array; null otherwise.</summary>
    public Func<object?, object?>? CreateWithOne
    {
        get
        {
            if (!Volatile.Read(ref _createWithOneCompiled))
            {
                _createWithOne = CompiledFactory.WithOneArgument(Factory, target);
                Volatile.Write(ref _createWithOneCompiled, true);
            }

            return _createWithOne;
        }
    }

    /// <summary>Gets the code the source generator wrote for this factory; null when it wrote none.</summary>
    public GeneratedStep? Generated { get; init; }

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
