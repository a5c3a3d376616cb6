using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using YieldDeps.Analyzers;

namespace YieldDeps.Generators;

/// <summary>
/// Reads what the generator can call directly: a static method registered with <c>Add</c>, a class registered with
/// <c>AddClass</c>, the constructor of a class holding functions. Anything generated code could not call (a lambda,
/// an instance method, a generic or inaccessible member, an overload the library could not tell apart by its
/// parameter count) is left to the run-time engine.
/// </summary>
internal static class StepReader
{
    private static readonly SymbolDisplayFormat TypeFormat = SymbolDisplayFormat.FullyQualifiedFormat
        .WithMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.EscapeKeywordIdentifiers | SymbolDisplayMiscellaneousOptions.UseSpecialTypes);

    /// <summary>Reads a registration call; null when it is none or generated code cannot call its factory.</summary>
    public static StepModel? FromRegistration(IInvocationOperation invocation, KnownSymbols symbols, Compilation compilation, CancellationToken cancellationToken)
    {
        var method = invocation.TargetMethod;
        if (symbols.IsRegistryMethod(method, "AddClass"))
        {
            return method.TypeArguments.Length > 0 && method.TypeArguments[method.TypeArguments.Length - 1] is INamedTypeSymbol dependencyClass
                ? FromDependencyClass(dependencyClass, symbols, compilation)
                : null;
        }

        if (DependencyFactory.Of(invocation, symbols, cancellationToken) is not { IsMethodGroup: true } factory)
        {
            return null;
        }

        var factoryMethod = factory.Method.ReducedFrom ?? factory.Method;
        if (!factoryMethod.IsStatic || factoryMethod.IsGenericMethod || !CanCall(factoryMethod, compilation) || HasOverloadOfSameArity(factoryMethod))
        {
            return null;
        }

        var returnType = factoryMethod.ReturnType;
        StepKind kind;
        ITypeSymbol valueType;
        if (KnownSymbols.IsGeneric(returnType, symbols.AsyncEnumerable, out var element))
        {
            (kind, valueType) = (StepKind.AsyncIterator, element);
        }
        else if (KnownSymbols.IsGeneric(returnType, symbols.Enumerable, out element))
        {
            (kind, valueType) = (StepKind.SyncIterator, element);
        }
        else if (KnownSymbols.IsGeneric(returnType, symbols.Task, out element))
        {
            (kind, valueType) = (StepKind.Task, element);
        }
        else if (KnownSymbols.IsGeneric(returnType, symbols.ValueTask, out element))
        {
            (kind, valueType) = (StepKind.ValueTask, element);
        }
        else if (returnType.SpecialType == SpecialType.System_Void || returnType.TypeKind == TypeKind.Error || returnType.Name is "Task" or "ValueTask" && returnType is INamedTypeSymbol { IsGenericType: false })
        {
            return null;
        }
        else
        {
            (kind, valueType) = (StepKind.Value, returnType);
        }

        if (!IsUsable(valueType, compilation))
        {
            return null;
        }

        return new StepModel(kind, Name(factoryMethod.ContainingType), factoryMethod.Name, Name(valueType), ParameterTypes(factoryMethod));
    }

    /// <summary>Reads the class holding a function: a case when its constructor takes anything.</summary>
    public static StepModel? FromFunctionClass(INamedTypeSymbol type, Compilation compilation)
    {
        if (type.IsStatic || type.IsAbstract || Constructor(type) is not { Parameters.Length: > 0 } constructor || !CanCall(constructor, compilation))
        {
            return null;
        }

        return new StepModel(StepKind.FunctionClass, Name(type), ".ctor", string.Empty, ParameterTypes(constructor));
    }

    private static StepModel? FromDependencyClass(INamedTypeSymbol type, KnownSymbols symbols, Compilation compilation)
    {
        var contracts = type.AllInterfaces.Where(i => KnownSymbols.Is(i.OriginalDefinition, symbols.DependencyInterface)).ToList();
        if (contracts.Count != 1 || type.IsAbstract || Constructor(type) is not { } constructor || !CanCall(constructor, compilation)
            || !IsUsable(contracts[0].TypeArguments[0], compilation))
        {
            return null;
        }

        return new StepModel(StepKind.Class, Name(type), ".ctor", Name(contracts[0].TypeArguments[0]), ParameterTypes(constructor));
    }

    /// <summary>
    /// The constructor the library picks (the one marked with ActivatorUtilitiesConstructor, else the one with the
    /// most parameters); null when two would tie, since the library's lookup goes by parameter count.
    /// </summary>
    private static IMethodSymbol? Constructor(INamedTypeSymbol type)
    {
        var constructors = type.InstanceConstructors.Where(c => c.DeclaredAccessibility == Accessibility.Public).ToList();
        var marked = constructors.Where(c => c.GetAttributes().Any(a => a.AttributeClass?.Name == "ActivatorUtilitiesConstructorAttribute")).ToList();
        if (marked.Count == 1)
        {
            return constructors.Count(c => c.Parameters.Length == marked[0].Parameters.Length) == 1 ? marked[0] : null;
        }

        var longest = constructors.OrderByDescending(c => c.Parameters.Length).ToList();
        return longest.Count == 1 || (longest.Count > 1 && longest[0].Parameters.Length > longest[1].Parameters.Length) ? longest[0] : null;
    }

    private static bool HasOverloadOfSameArity(IMethodSymbol method) =>
        method.ContainingType.GetMembers(method.Name).OfType<IMethodSymbol>().Count(m => m.Parameters.Length == method.Parameters.Length) > 1;

    /// <summary>Whether code at the top of the app's assembly can call the member with typed arguments.</summary>
    private static bool CanCall(IMethodSymbol member, Compilation compilation)
    {
        for (var type = member.ContainingType; type is not null; type = type.ContainingType)
        {
            if (type.IsGenericType || type.IsFileLocal)
            {
                return false;
            }
        }

        return compilation.IsSymbolAccessibleWithin(member, compilation.Assembly)
            && member.Parameters.All(p => p.RefKind == RefKind.None && IsUsable(p.Type, compilation));
    }

    private static bool IsUsable(ITypeSymbol type, Compilation compilation) => type switch
    {
        IErrorTypeSymbol or IPointerTypeSymbol or IFunctionPointerTypeSymbol or ITypeParameterSymbol => false,
        { IsRefLikeType: true } => false,
        IArrayTypeSymbol array => IsUsable(array.ElementType, compilation),
        INamedTypeSymbol named => compilation.IsSymbolAccessibleWithin(named.OriginalDefinition, compilation.Assembly)
            && !named.IsFileLocal && !named.IsAnonymousType && named.TypeArguments.All(t => IsUsable(t, compilation)),
        _ => compilation.IsSymbolAccessibleWithin(type, compilation.Assembly),
    };

    private static IReadOnlyList<string> ParameterTypes(IMethodSymbol method) => method.Parameters.Select(p => Name(p.Type)).ToList();

    private static string Name(ITypeSymbol type) => type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(TypeFormat);
}
