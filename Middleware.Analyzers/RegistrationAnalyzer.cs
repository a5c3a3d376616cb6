using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace YieldDeps.Analyzers;

/// <summary>
/// Checks what functions ask for against what the app registers, with the rules of the startup check: a function
/// parameter or function class constructor parameter nothing supplies (YD0003), and <c>[Depends]</c> naming a type
/// that is not registered (YD0004), and an EF Core context that reaches a function, a function class constructor or a
/// dependency without a unit of work (YD0007). It reports only when the compilation registers its dependencies itself and every
/// registration can be followed; a parameter is reported only when its type is declared in the app, is not named in
/// any generic call or <c>typeof</c> (a service registration), carries no binding attribute and has no default.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RegistrationAnalyzer : YieldDepsAnalyzer
{
    /// <summary>The diagnostic property naming a static method of the parameter's type that could be registered.</summary>
    internal const string FactoryProperty = "Factory";

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.ParameterNotSupplied, Descriptors.DependsNotRegistered, Descriptors.DbContextWithoutUnitOfWork);

    /// <inheritdoc />
    private protected override void Start(CompilationStartAnalysisContext start, KnownSymbols symbols)
    {
        var scan = new RegistrationScan(symbols);
        var functions = new System.Collections.Concurrent.ConcurrentBag<IMethodSymbol>();
        var depends = new System.Collections.Concurrent.ConcurrentBag<AttributeData>();
        start.RegisterOperationAction(c => scan.Read((IInvocationOperation)c.Operation, c.Compilation, c.CancellationToken), OperationKind.Invocation);
        start.RegisterOperationAction(c => scan.Mention(((ITypeOfOperation)c.Operation).TypeOperand), OperationKind.TypeOf);
        start.RegisterSymbolAction(
            c =>
            {
                var symbol = c.Symbol;
                foreach (var attribute in symbol.GetAttributes())
                {
                    if (KnownSymbols.Is(attribute.AttributeClass, symbols.Depends))
                    {
                        depends.Add(attribute);
                    }
                }

                if (symbol is IMethodSymbol method && method.GetAttributes().Any(a => KnownSymbols.Is(a.AttributeClass, symbols.Function)))
                {
                    functions.Add(method);
                }

                if (symbol is INamedTypeSymbol type && type.AllInterfaces.Any(i => KnownSymbols.Is(i, symbols.InputConverter)))
                {
                    scan.NoteConverters();
                }
            },
            SymbolKind.Method,
            SymbolKind.NamedType);
        start.RegisterCompilationEndAction(c => Report(c, symbols, scan, functions, depends));
    }

    private static void Report(CompilationAnalysisContext context, KnownSymbols symbols, RegistrationScan scan, IEnumerable<IMethodSymbol> functions, IEnumerable<AttributeData> depends)
    {
        if (scan.Entries.Count == 0 || scan.Hidden)
        {
            return;
        }

        foreach (var attribute in depends)
        {
            if (attribute.ConstructorArguments.FirstOrDefault().Value is ITypeSymbol type && type.TypeKind != TypeKind.Error && !scan.IsRegistered(type)
                && attribute.ApplicationSyntaxReference is { } syntax)
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.DependsNotRegistered, syntax.GetSyntax(context.CancellationToken).GetLocation(), type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)));
            }
        }

        var checkedConstructors = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
        foreach (var function in functions.OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            var site = $"function {function.ContainingType.Name}.{function.Name}";
            foreach (var parameter in function.Parameters)
            {
                Check(context, symbols, scan, parameter, site);
            }

            if (!function.IsStatic && Constructor(function.ContainingType) is { } constructor && checkedConstructors.Add(constructor))
            {
                foreach (var parameter in constructor.Parameters)
                {
                    Check(context, symbols, scan, parameter, $"the constructor of {function.ContainingType.Name}");
                }
            }
        }

        foreach (var factory in scan.Factories.Distinct<IMethodSymbol>(SymbolEqualityComparer.Default))
        {
            var site = factory.MethodKind switch
            {
                MethodKind.AnonymousFunction => "a lambda registered as a dependency",
                MethodKind.Constructor => $"the constructor of dependency class {factory.ContainingType?.Name}",
                _ => $"dependency {factory.ContainingType?.Name}.{factory.Name}",
            };
            foreach (var parameter in factory.Parameters)
            {
                CheckContext(context, symbols, scan, parameter, site);
            }
        }
    }

    /// <summary>Reports a parameter nothing supplies (YD0003), else an EF Core context without a unit of work (YD0007).</summary>
    private static void Check(CompilationAnalysisContext context, KnownSymbols symbols, RegistrationScan scan, IParameterSymbol parameter, string site)
    {
        // An input converter of the app's own may bind any type, so YD0003 says nothing then; a context still reaches
        // the function as a service.
        var reported = !scan.HasConverters && CheckSupplied(context, symbols, scan, parameter, site);
        if (!reported)
        {
            CheckContext(context, symbols, scan, parameter, site);
        }
    }

    /// <summary>
    /// Reports an EF Core context the function or dependency would receive as a plain service: neither a unit of work
    /// nor another registration provides it, and the app did not allow it without one.
    /// </summary>
    private static void CheckContext(CompilationAnalysisContext context, KnownSymbols symbols, RegistrationScan scan, IParameterSymbol parameter, string site)
    {
        var type = parameter.Type;
        if (parameter.RefKind != RefKind.None
            || parameter.GetAttributes().Any(a => a.AttributeClass?.ContainingNamespace?.ToDisplayString() != "YieldDeps")
            || !symbols.IsDbContext(type)
            || scan.IsRegistered(type) || scan.AllowsWithoutUnitOfWork(type)
            || parameter.Locations.FirstOrDefault(l => l.IsInSource) is not { } location)
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.DbContextWithoutUnitOfWork, location, parameter.Name, site, type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)));
    }

    /// <summary>Reports a parameter nothing supplies (YD0003); true when it did.</summary>
    private static bool CheckSupplied(CompilationAnalysisContext context, KnownSymbols symbols, RegistrationScan scan, IParameterSymbol parameter, string site)
    {
        var type = parameter.Type;
        if (parameter.HasExplicitDefaultValue || parameter.IsParams || parameter.RefKind != RefKind.None || parameter.GetAttributes().Length > 0
            || type is not INamedTypeSymbol named
            || named.TypeKind is not (TypeKind.Class or TypeKind.Struct or TypeKind.Interface)
            || !SymbolEqualityComparer.Default.Equals(named.ContainingAssembly, context.Compilation.Assembly)
            || named.GetAttributes().Length > 0
            || scan.IsRegistered(named) || scan.IsMentioned(named)
            || parameter.Locations.FirstOrDefault(l => l.IsInSource) is not { } location)
        {
            return false;
        }

        var properties = ImmutableDictionary<string, string?>.Empty;
        if (EvidentFactory(named, symbols) is { } factory)
        {
            properties = properties.Add(FactoryProperty, factory.Name);
        }

        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.ParameterNotSupplied, location, properties, parameter.Name, site, named.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)));
        return true;
    }

    /// <summary>The constructor the worker's activator would pick: [ActivatorUtilitiesConstructor], else the longest public one.</summary>
    internal static IMethodSymbol? Constructor(INamedTypeSymbol type)
    {
        var constructors = type.InstanceConstructors.Where(c => c.DeclaredAccessibility == Accessibility.Public).ToList();
        var marked = constructors.Where(c => c.GetAttributes().Any(a => a.AttributeClass?.Name == "ActivatorUtilitiesConstructorAttribute")).ToList();
        if (marked.Count == 1)
        {
            return marked[0];
        }

        var longest = constructors.OrderByDescending(c => c.Parameters.Length).ToList();
        return longest.Count == 1 || (longest.Count > 1 && longest[0].Parameters.Length > longest[1].Parameters.Length) ? longest[0] : null;
    }

    /// <summary>
    /// The one static method of the type that sets it up, if there is exactly one: an iterator of it, or a method
    /// returning a task of it. The code fix registers it.
    /// </summary>
    private static IMethodSymbol? EvidentFactory(INamedTypeSymbol type, KnownSymbols symbols)
    {
        var candidates = type.GetMembers().OfType<IMethodSymbol>()
            .Where(m => m.IsStatic && m.MethodKind == MethodKind.Ordinary && !m.IsGenericMethod && m.DeclaredAccessibility is Accessibility.Public or Accessibility.Internal)
            .Where(m => ProvidesType(m.ReturnType, type, symbols))
            .ToList();
        return candidates.Count == 1 ? candidates[0] : null;
    }

    private static bool ProvidesType(ITypeSymbol returnType, INamedTypeSymbol type, KnownSymbols symbols) =>
        (KnownSymbols.IsGeneric(returnType, symbols.AsyncEnumerable, out var element)
            || KnownSymbols.IsGeneric(returnType, symbols.Enumerable, out element)
            || KnownSymbols.IsGeneric(returnType, symbols.Task, out element)
            || KnownSymbols.IsGeneric(returnType, symbols.ValueTask, out element))
        && SymbolEqualityComparer.Default.Equals(element, type);
}
