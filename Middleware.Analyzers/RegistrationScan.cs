using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace YieldDeps.Analyzers;

/// <summary>
/// What one compilation registers, gathered while it is analyzed: the types registered as dependencies, the types
/// named in <c>typeof</c> or in generic calls that reach the services (which may register them as services), the
/// registration calls, and whether anything registers in a way the analyzer cannot follow (then nothing is reported).
/// </summary>
internal sealed class RegistrationScan(KnownSymbols symbols)
{
    private readonly ConcurrentDictionary<ITypeSymbol, bool> _registered = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<ITypeSymbol, bool> _mentioned = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentBag<IInvocationOperation> _entries = [];
    private readonly ConcurrentDictionary<ITypeSymbol, bool> _contextsWithoutUnitOfWork = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentBag<IMethodSymbol> _factories = [];
    private int _hidden;
    private int _converters;

    /// <summary>Gets the UseYieldDependencies and AddYieldDependencies calls of the compilation.</summary>
    public IReadOnlyCollection<IInvocationOperation> Entries => _entries;

    /// <summary>Gets a value indicating whether some registration cannot be seen.</summary>
    public bool Hidden => Volatile.Read(ref _hidden) != 0;

    /// <summary>Gets a value indicating whether the app has input converters of its own, which may bind any type.</summary>
    public bool HasConverters => Volatile.Read(ref _converters) != 0;

    /// <summary>Gets the methods and lambdas registered with <c>Add</c>, and the constructors of the classes registered with <c>AddClass</c>.</summary>
    public IReadOnlyCollection<IMethodSymbol> Factories => _factories;

    public bool IsRegistered(ITypeSymbol type) => _registered.ContainsKey(type);

    /// <summary>True when the app lets this EF Core context through without a unit of work (<c>AllowDbContextWithoutUnitOfWork</c>).</summary>
    public bool AllowsWithoutUnitOfWork(ITypeSymbol type) => _contextsWithoutUnitOfWork.ContainsKey(type);

    public bool IsMentioned(ITypeSymbol type) =>
        _mentioned.ContainsKey(type) || _mentioned.ContainsKey(type.OriginalDefinition);

    public void Hide() => Interlocked.Exchange(ref _hidden, 1);

    public void NoteConverters() => Interlocked.Exchange(ref _converters, 1);

    /// <summary>Reads one invocation of the compilation.</summary>
    public void Read(IInvocationOperation invocation, Compilation compilation, CancellationToken cancellationToken)
    {
        var method = invocation.TargetMethod;
        if (symbols.CanRegister(method))
        {
            // Only a call that reaches the services can register the types it names: Task.FromResult<Clock>(...) or
            // JsonSerializer.Deserialize<Clock>(...) register nothing.
            Mention(method.TypeArguments);
        }

        if (symbols.IsRegistrationEntry(method))
        {
            _entries.Add(invocation);
            ReadConfigure(invocation);
        }
        else if (symbols.IsRegistryMethod(method, "Add"))
        {
            ReadAdd(invocation, cancellationToken);
        }
        else if (symbols.IsRegistryMethod(method, "AddClass"))
        {
            ReadAddClass(method);
        }
        else if (symbols.IsRegistryMethod(method, "AllowDbContextWithoutUnitOfWork") && method.TypeArguments.Length == 1)
        {
            _contextsWithoutUnitOfWork.TryAdd(method.TypeArguments[0], true);
        }
        else if (symbols.IsUnitOfWork(method))
        {
            // The unit of work is a dependency keyed by the context type.
            _registered.TryAdd(method.TypeArguments[0], true);
        }
        else if (method.ContainingType?.Name == "InputConverterCollection")
        {
            NoteConverters();
        }
        else if (IsForeign(method, compilation))
        {
            // A library of the app's own (or another vendor's) that takes the builder or the services may register
            // anything, dependencies included.
            Hide();
        }

        var setup = (method.ReducedFrom ?? method).Parameters.Any(p => symbols.MentionsSetupType(p.Type)) || method.ContainingType?.Name == "ServiceDescriptor";
        if (setup && invocation.Arguments.Any(a => KnownSymbols.Is(a.Value.Type, symbols.Type) && Unwrap(a.Value) is not ITypeOfOperation))
        {
            // A service type computed at run time (assembly scanning): any type may be a service.
            Hide();
        }
    }

    public void Mention(ITypeSymbol type)
    {
        if (_mentioned.TryAdd(type, true))
        {
            _mentioned.TryAdd(type.OriginalDefinition, true);
            if (type is INamedTypeSymbol named)
            {
                Mention(named.TypeArguments);
            }
            else if (type is IArrayTypeSymbol array)
            {
                Mention(array.ElementType);
            }
        }
    }

    private void Mention(IEnumerable<ITypeSymbol> types)
    {
        foreach (var type in types)
        {
            Mention(type);
        }
    }

    private void ReadConfigure(IInvocationOperation invocation)
    {
        var configure = invocation.Arguments.FirstOrDefault(a => a.Parameter?.Name == "configure");
        if (configure is null || configure.ArgumentKind == ArgumentKind.DefaultValue)
        {
            return;
        }

        var value = Unwrap(configure.Value);
        if (value is IDelegateCreationOperation creation)
        {
            value = creation.Target;
        }

        var followed = value switch
        {
            IAnonymousFunctionOperation => true,
            IMethodReferenceOperation reference => reference.Method.DeclaringSyntaxReferences.Length > 0,
            ILiteralOperation { ConstantValue: { HasValue: true, Value: null } } => true,
            _ => false,
        };
        if (!followed)
        {
            Hide();
        }
    }

    private void ReadAdd(IInvocationOperation invocation, CancellationToken cancellationToken)
    {
        var factory = DependencyFactory.Of(invocation, symbols, cancellationToken);
        if (factory?.Keys(symbols) is not { } keys)
        {
            Hide();
            return;
        }

        _factories.Add(factory.Method);

        foreach (var key in keys)
        {
            _registered.TryAdd(key, true);
        }
    }

    private void ReadAddClass(IMethodSymbol method)
    {
        if (method.TypeArguments.Length > 0 && method.TypeArguments[method.TypeArguments.Length - 1] is INamedTypeSymbol dependencyClass
            && RegistrationAnalyzer.Constructor(dependencyClass) is { } constructor)
        {
            _factories.Add(constructor);
        }

        if (method.TypeArguments.Length == 2)
        {
            _registered.TryAdd(method.TypeArguments[0], true);
            return;
        }

        var provided = method.TypeArguments.Length == 1
            ? method.TypeArguments[0].AllInterfaces.Where(i => KnownSymbols.Is(i.OriginalDefinition, symbols.DependencyInterface)).ToList()
            : [];
        if (provided.Count == 0)
        {
            Hide();
        }

        foreach (var dependency in provided)
        {
            _registered.TryAdd(dependency.TypeArguments[0], true);
        }
    }

    private bool IsForeign(IMethodSymbol method, Compilation compilation)
    {
        var assembly = method.ContainingAssembly;
        if (assembly is null || SymbolEqualityComparer.Default.Equals(assembly, compilation.Assembly))
        {
            return false;
        }

        var name = assembly.Name;
        if (name == "YieldDeps" || name == "netstandard" || name == "mscorlib" || name.StartsWith("System.", StringComparison.Ordinal) || name == "System"
            || name.StartsWith("Microsoft.", StringComparison.Ordinal))
        {
            return false;
        }

        var declared = method.ReducedFrom ?? method;
        return declared.Parameters.Any(p => symbols.MentionsSetupType(p.Type))
            || (declared.ContainingType is { } type && symbols.MentionsSetupType(type) && !declared.IsStatic);
    }

    private static IOperation Unwrap(IOperation operation)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }
}
