using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace YieldDeps.Analyzers;

/// <summary>
/// YD0008: an HTTP function that returns a sequence read lazily from one of its parameters whose type is registered
/// with the function scope: an iterator or a LINQ query over the dependency, returned as it is or inside a result
/// (<c>Results.Ok(...)</c>, <c>new OkObjectResult(...)</c>). The response is written after the dependency was torn
/// down, so the sequence finds it closed. A sequence whose static type is a collection (a list, an array) is read
/// already and is not reported; nor is a type registered request-scoped anywhere, or not registered here at all.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class LazyResultAnalyzer : YieldDepsAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.LazyResultFromFunctionScope);

    /// <inheritdoc />
    private protected override void Start(CompilationStartAnalysisContext start, KnownSymbols symbols)
    {
        var functionScoped = new ConcurrentDictionary<ITypeSymbol, bool>(SymbolEqualityComparer.Default);
        var requestScoped = new ConcurrentDictionary<ITypeSymbol, bool>(SymbolEqualityComparer.Default);
        var candidates = new ConcurrentBag<(IMethodSymbol Function, IParameterSymbol Parameter, Location Location)>();
        start.RegisterOperationAction(
            c => ReadRegistration((IInvocationOperation)c.Operation, symbols, functionScoped, requestScoped, c.CancellationToken),
            OperationKind.Invocation);
        start.RegisterOperationAction(
            c =>
            {
                var returned = (IReturnOperation)c.Operation;
                if (returned.ReturnedValue is { } value && c.ContainingSymbol is IMethodSymbol function && IsHttpFunction(function, symbols)
                    && LazySource(value, function) is { } parameter)
                {
                    candidates.Add((function, parameter, value.Syntax.GetLocation()));
                }
            },
            OperationKind.Return);
        start.RegisterCompilationEndAction(end =>
        {
            foreach (var (function, parameter, location) in candidates)
            {
                if (functionScoped.ContainsKey(parameter.Type) && !requestScoped.ContainsKey(parameter.Type))
                {
                    end.ReportDiagnostic(Diagnostic.Create(
                        Descriptors.LazyResultFromFunctionScope, location, function.Name, parameter.Name, parameter.Type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)));
                }
            }
        });
    }

    private static bool IsHttpFunction(IMethodSymbol method, KnownSymbols symbols) =>
        method.GetAttributes().Any(a => KnownSymbols.Is(a.AttributeClass, symbols.Function))
        && method.Parameters.Any(p => p.GetAttributes().Any(a => a.AttributeClass?.Name == "HttpTriggerAttribute"));

    /// <summary>Reads the scope of one Add or AddClass registration: request-scoped when its options set Scope to Request.</summary>
    private static void ReadRegistration(
        IInvocationOperation invocation,
        KnownSymbols symbols,
        ConcurrentDictionary<ITypeSymbol, bool> functionScoped,
        ConcurrentDictionary<ITypeSymbol, bool> requestScoped,
        CancellationToken cancellationToken)
    {
        var method = invocation.TargetMethod;
        IEnumerable<ITypeSymbol>? keys = null;
        if (symbols.IsRegistryMethod(method, "Add"))
        {
            keys = DependencyFactory.Of(invocation, symbols, cancellationToken)?.Keys(symbols);
        }
        else if (symbols.IsRegistryMethod(method, "AddClass") && method.TypeArguments.Length > 0)
        {
            keys = [method.TypeArguments[0]];
        }

        if (keys is null)
        {
            return;
        }

        var target = SetsRequestScope(invocation) ? requestScoped : functionScoped;
        foreach (var key in keys)
        {
            target.TryAdd(key, true);
        }
    }

    private static bool SetsRequestScope(IInvocationOperation invocation) =>
        invocation.Arguments.Any(a => a.Value.Descendants().Any(d =>
            d is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "Scope" }, Value: var value }
            && Unwrap(value) is IFieldReferenceOperation { Field.Name: "Request" }));

    /// <summary>The function's parameter a returned, lazily read sequence is built from, or null.</summary>
    private static IParameterSymbol? LazySource(IOperation value, IMethodSymbol function)
    {
        value = Unwrap(value);
        if (IsLazySequence(value.Type))
        {
            return Root(value, function, depth: 0);
        }

        // A result that carries the sequence: Results.Ok(rows), TypedResults.Ok(rows), new OkObjectResult(rows).
        var arguments = value switch
        {
            IInvocationOperation invocation when IsWebType(invocation.TargetMethod.ContainingType) => invocation.Arguments.Select(a => a.Value),
            IObjectCreationOperation creation when IsWebType(creation.Type) => creation.Arguments.Select(a => a.Value),
            _ => [],
        };
        foreach (var argument in arguments)
        {
            var inner = Unwrap(argument);
            if (IsLazySequence(inner.Type) && Root(inner, function, depth: 0) is { } parameter)
            {
                return parameter;
            }
        }

        return null;
    }

    /// <summary>The parameter of the function a sequence is read from: the receiver or an argument of the calls building it.</summary>
    private static IParameterSymbol? Root(IOperation operation, IMethodSymbol function, int depth)
    {
        if (depth > 8)
        {
            return null;
        }

        operation = Unwrap(operation);
        switch (operation)
        {
            case IParameterReferenceOperation reference when SymbolEqualityComparer.Default.Equals(reference.Parameter.ContainingSymbol, function):
                return reference.Parameter;
            case IInvocationOperation invocation:
                if (invocation.Instance is { } instance && Root(instance, function, depth + 1) is { } fromInstance)
                {
                    return fromInstance;
                }

                foreach (var argument in invocation.Arguments)
                {
                    if (Root(argument.Value, function, depth + 1) is { } fromArgument)
                    {
                        return fromArgument;
                    }
                }

                return null;
            case IPropertyReferenceOperation { Instance: { } owner }:
                return Root(owner, function, depth + 1);
            case IFieldReferenceOperation { Instance: { } owner }:
                return Root(owner, function, depth + 1);
            default:
                return null;
        }
    }

    /// <summary>True for IEnumerable&lt;T&gt;, IAsyncEnumerable&lt;T&gt;, IQueryable&lt;T&gt; and the like: an interface read as it is enumerated.</summary>
    private static bool IsLazySequence(ITypeSymbol? type) =>
        type is INamedTypeSymbol { TypeKind: TypeKind.Interface } named
        && (IsSequence(named) || named.AllInterfaces.Any(IsSequence))
        && named.Name is not ("ICollection" or "IList" or "IReadOnlyCollection" or "IReadOnlyList" or "ISet" or "IReadOnlySet" or "IDictionary" or "IReadOnlyDictionary");

    private static bool IsSequence(INamedTypeSymbol type) =>
        type.IsGenericType && type.OriginalDefinition.ToDisplayString() is "System.Collections.Generic.IEnumerable<T>" or "System.Collections.Generic.IAsyncEnumerable<T>";

    private static bool IsWebType(ITypeSymbol? type) =>
        type?.ContainingNamespace?.ToDisplayString() is { } ns && ns.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal);

    private static IOperation Unwrap(IOperation operation)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }
}
