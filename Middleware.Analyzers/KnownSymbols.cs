using Microsoft.CodeAnalysis;

namespace YieldDeps.Analyzers;

/// <summary>The types of YieldDeps, the worker and the hosting libraries the analyzers look for in one compilation.</summary>
internal sealed class KnownSymbols
{
    private KnownSymbols(Compilation compilation, INamedTypeSymbol registry)
    {
        Registry = registry;
        WorkerExtensions = compilation.GetTypeByMetadataName("YieldDeps.YieldDepsWorkerExtensions");
        Depends = compilation.GetTypeByMetadataName("YieldDeps.DependsAttribute");
        Outcome = compilation.GetTypeByMetadataName("YieldDeps.InvocationOutcome");
        DependencyInterface = compilation.GetTypeByMetadataName("YieldDeps.IDependency`1");
        Function = compilation.GetTypeByMetadataName("Microsoft.Azure.Functions.Worker.FunctionAttribute");
        CancellationToken = compilation.GetTypeByMetadataName("System.Threading.CancellationToken");
        AsyncEnumerable = compilation.GetTypeByMetadataName("System.Collections.Generic.IAsyncEnumerable`1");
        Enumerable = compilation.GetSpecialType(SpecialType.System_Collections_Generic_IEnumerable_T);
        Task = compilation.GetTypeByMetadataName("System.Threading.Tasks.Task`1");
        ValueTask = compilation.GetTypeByMetadataName("System.Threading.Tasks.ValueTask`1");
        Assembly = compilation.GetTypeByMetadataName("System.Reflection.Assembly");
        Type = compilation.GetTypeByMetadataName("System.Type");
        InputConverter = compilation.GetTypeByMetadataName("Microsoft.Azure.Functions.Worker.Converters.IInputConverter");
        AsyncIteratorAttribute = compilation.GetTypeByMetadataName("System.Runtime.CompilerServices.AsyncIteratorStateMachineAttribute");
        IteratorAttribute = compilation.GetTypeByMetadataName("System.Runtime.CompilerServices.IteratorStateMachineAttribute");
        DbContext = compilation.GetTypeByMetadataName("Microsoft.EntityFrameworkCore.DbContext");
        UnitOfWorkExtensions = compilation.GetTypeByMetadataName("YieldDeps.EntityFrameworkCore.DbContextUnitOfWorkExtensions");
        var setupTypes = new List<INamedTypeSymbol>();
        foreach (var name in SetupTypeNames)
        {
            if (compilation.GetTypeByMetadataName(name) is { } type)
            {
                setupTypes.Add(type);
            }
        }

        SetupTypes = setupTypes;
    }

    /// <summary>The types through which an app registers services or dependencies.</summary>
    private static readonly string[] SetupTypeNames =
    [
        "Microsoft.Extensions.DependencyInjection.IServiceCollection",
        "Microsoft.Extensions.Hosting.IHostBuilder",
        "Microsoft.Extensions.Hosting.IHostApplicationBuilder",
        "Microsoft.Extensions.Hosting.HostBuilderContext",
        "Microsoft.Azure.Functions.Worker.IFunctionsWorkerApplicationBuilder",
        "Microsoft.Azure.Functions.Worker.Builder.FunctionsApplicationBuilder",
        "YieldDeps.DependencyRegistry",
    ];

    public INamedTypeSymbol Registry { get; }

    public INamedTypeSymbol? WorkerExtensions { get; }

    public INamedTypeSymbol? Depends { get; }

    public INamedTypeSymbol? Outcome { get; }

    public INamedTypeSymbol? DependencyInterface { get; }

    public INamedTypeSymbol? Function { get; }

    public INamedTypeSymbol? CancellationToken { get; }

    public INamedTypeSymbol? AsyncEnumerable { get; }

    public INamedTypeSymbol Enumerable { get; }

    public INamedTypeSymbol? Task { get; }

    public INamedTypeSymbol? ValueTask { get; }

    public INamedTypeSymbol? Assembly { get; }

    public INamedTypeSymbol? Type { get; }

    public INamedTypeSymbol? InputConverter { get; }

    public INamedTypeSymbol? AsyncIteratorAttribute { get; }

    public INamedTypeSymbol? IteratorAttribute { get; }

    public IReadOnlyList<INamedTypeSymbol> SetupTypes { get; }

    /// <summary>Gets EF Core's <c>DbContext</c>, when the app references EF Core.</summary>
    public INamedTypeSymbol? DbContext { get; }

    /// <summary>Gets the class of <c>AddDbContextUnitOfWork</c>, when the app references YieldDeps.EntityFrameworkCore.</summary>
    public INamedTypeSymbol? UnitOfWorkExtensions { get; }

    /// <summary>Gets the symbols of a compilation that references YieldDeps, or null when it does not.</summary>
    public static KnownSymbols? For(Compilation compilation) =>
        compilation.GetTypeByMetadataName("YieldDeps.DependencyRegistry") is { } registry ? new KnownSymbols(compilation, registry) : null;

    public static bool Is(ITypeSymbol? type, INamedTypeSymbol? expected) =>
        type is not null && expected is not null && SymbolEqualityComparer.Default.Equals(type, expected);

    public static bool IsGeneric(ITypeSymbol? type, INamedTypeSymbol? definition, out ITypeSymbol argument)
    {
        if (type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } named && Is(named.OriginalDefinition, definition))
        {
            argument = named.TypeArguments[0];
            return true;
        }

        argument = null!;
        return false;
    }

    /// <summary>True for an Add or AddClass call on the registry.</summary>
    public bool IsRegistryMethod(IMethodSymbol method, string name) =>
        method.Name == name && Is(method.ContainingType, Registry);

    /// <summary>True for <c>deps.AddDbContextUnitOfWork&lt;TContext&gt;()</c> of YieldDeps.EntityFrameworkCore.</summary>
    public bool IsUnitOfWork(IMethodSymbol method) =>
        method.Name == "AddDbContextUnitOfWork" && method.TypeArguments.Length == 1 && Is((method.ReducedFrom ?? method).ContainingType, UnitOfWorkExtensions);

    /// <summary>True for an EF Core context type: <c>DbContext</c> or a type deriving from it.</summary>
    public bool IsDbContext(ITypeSymbol type)
    {
        if (DbContext is null)
        {
            return false;
        }

        for (var current = type; current is not null; current = current.BaseType)
        {
            if (Is(current, DbContext))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True for UseYieldDependencies or AddYieldDependencies.</summary>
    public bool IsRegistrationEntry(IMethodSymbol method) =>
        (method.Name == "UseYieldDependencies" || method.Name == "AddYieldDependencies")
        && Is((method.ReducedFrom ?? method).ContainingType, WorkerExtensions);

    /// <summary>
    /// True for a call that can register services: it takes the services, the builder or the registry (or something
    /// that carries them, such as <c>IHttpClientBuilder</c> or <c>OptionsBuilder&lt;T&gt;</c>, which expose the services),
    /// as a parameter or as the instance it is called on, or it builds a <c>ServiceDescriptor</c>.
    /// </summary>
    public bool CanRegister(IMethodSymbol method)
    {
        var declared = method.ReducedFrom ?? method;
        if (declared.ContainingType?.Name == "ServiceDescriptor")
        {
            return true;
        }

        return declared.Parameters.Any(p => ReachesSetupType(p.Type))
            || (!declared.IsStatic && declared.ContainingType is { } type && ReachesSetupType(type));
    }

    /// <summary>True when a type is a setup type, or exposes one through a public property (a builder's <c>Services</c>).</summary>
    private bool ReachesSetupType(ITypeSymbol type)
    {
        if (MentionsSetupType(type))
        {
            return true;
        }

        if (type is not INamedTypeSymbol named)
        {
            return false;
        }

        var types = new List<INamedTypeSymbol>();
        for (var current = named; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            types.Add(current);
        }

        types.AddRange(named.AllInterfaces);
        return types.Any(t => t.GetMembers().OfType<IPropertySymbol>()
            .Any(p => p.DeclaredAccessibility == Accessibility.Public && !p.IsStatic && SetupTypes.Any(s => SymbolEqualityComparer.Default.Equals(p.Type.OriginalDefinition, s))));
    }

    /// <summary>True when a type, or a type it is built from, is one through which an app registers services.</summary>
    public bool MentionsSetupType(ITypeSymbol type, int depth = 0)
    {
        if (depth > 4)
        {
            return false;
        }

        if (SetupTypes.Any(s => SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, s)))
        {
            return true;
        }

        if (type is INamedTypeSymbol named)
        {
            if (named.TypeArguments.Any(t => MentionsSetupType(t, depth + 1)))
            {
                return true;
            }

            if (named.DelegateInvokeMethod is { } invoke && invoke.Parameters.Any(p => MentionsSetupType(p.Type, depth + 1)))
            {
                return true;
            }
        }

        return type is IArrayTypeSymbol array && MentionsSetupType(array.ElementType, depth + 1);
    }
}
