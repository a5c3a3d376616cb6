using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace YieldDeps.Analyzers;

/// <summary>
/// The factory passed to a registry's <c>Add</c> or <c>Add&lt;T&gt;</c> call, as the library reads it at
/// registration: a method group or a lambda, its return type, whether it is an iterator, and the type it is keyed by.
/// </summary>
internal sealed class DependencyFactory
{
    private DependencyFactory(IMethodSymbol method, bool isMethodGroup, bool isIterator, ITypeSymbol? explicitKey)
    {
        Method = method;
        IsMethodGroup = isMethodGroup;
        IsIterator = isIterator;
        ExplicitKey = explicitKey;
    }

    /// <summary>Gets the method group's method, or the lambda's.</summary>
    public IMethodSymbol Method { get; }

    public bool IsMethodGroup { get; }

    public bool IsIterator { get; }

    /// <summary>Gets the T of <c>Add&lt;T&gt;</c>, or null for <c>Add</c>.</summary>
    public ITypeSymbol? ExplicitKey { get; }

    /// <summary>Gets the name the library gives the dependency in its messages.</summary>
    public string Name => IsMethodGroup && Method.ContainingType is { } type ? $"{type.Name}.{Method.Name}" : "lambda";

    /// <summary>Reads the factory of an <c>Add</c> call; null when the call is not one or the factory cannot be followed.</summary>
    public static DependencyFactory? Of(IInvocationOperation invocation, KnownSymbols symbols, CancellationToken cancellationToken)
    {
        if (!symbols.IsRegistryMethod(invocation.TargetMethod, "Add"))
        {
            return null;
        }

        var argument = invocation.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == 0)?.Value;
        while (argument is IConversionOperation conversion)
        {
            argument = conversion.Operand;
        }

        if (argument is IDelegateCreationOperation creation)
        {
            argument = creation.Target;
        }

        var key = invocation.TargetMethod.TypeArguments.Length == 1 ? invocation.TargetMethod.TypeArguments[0] : null;
        return argument switch
        {
            IMethodReferenceOperation reference => new DependencyFactory(reference.Method, true, IsIteratorMethod(reference.Method, symbols, cancellationToken), key),
            IAnonymousFunctionOperation lambda => new DependencyFactory(lambda.Symbol, false, false, key),
            _ => null,
        };
    }

    /// <summary>
    /// Gets the types this registration provides, as the library keys it, or null when they cannot be told. Where
    /// the library would reject the shape, the types it was most likely meant to provide are returned, so that one
    /// mistake is reported once.
    /// </summary>
    public IEnumerable<ITypeSymbol>? Keys(KnownSymbols symbols)
    {
        if (ExplicitKey is not null)
        {
            return [ExplicitKey];
        }

        var returnType = Method.ReturnType;
        if (KnownSymbols.IsGeneric(returnType, symbols.AsyncEnumerable, out var element)
            || KnownSymbols.IsGeneric(returnType, symbols.Enumerable, out element)
            || KnownSymbols.IsGeneric(returnType, symbols.Task, out element)
            || KnownSymbols.IsGeneric(returnType, symbols.ValueTask, out element))
        {
            return [element, returnType];
        }

        return returnType.TypeKind == TypeKind.Error ? null : [returnType];
    }

    /// <summary>True for a method written with <c>yield</c> (in source) or compiled as an iterator (in metadata).</summary>
    public static bool IsIteratorMethod(IMethodSymbol method, KnownSymbols symbols, CancellationToken cancellationToken)
    {
        if (method.DeclaringSyntaxReferences.Length == 0)
        {
            return method.GetAttributes().Any(a => KnownSymbols.Is(a.AttributeClass, symbols.AsyncIteratorAttribute) || KnownSymbols.Is(a.AttributeClass, symbols.IteratorAttribute));
        }

        return method.DeclaringSyntaxReferences.Any(r => Body(r.GetSyntax(cancellationToken)) is { } body && YieldStatements(body).Any());
    }

    /// <summary>Gets the body of a method or local function declaration.</summary>
    public static SyntaxNode? Body(SyntaxNode declaration) => declaration switch
    {
        MethodDeclarationSyntax method => (SyntaxNode?)method.Body ?? method.ExpressionBody,
        LocalFunctionStatementSyntax local => (SyntaxNode?)local.Body ?? local.ExpressionBody,
        _ => null,
    };

    /// <summary>Gets the yield statements of a body, leaving out those of nested functions.</summary>
    public static IEnumerable<YieldStatementSyntax> YieldStatements(SyntaxNode body) =>
        body.DescendantNodes(n => n == body || !IsNestedFunction(n)).OfType<YieldStatementSyntax>();

    public static bool IsNestedFunction(SyntaxNode node) =>
        node is LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax;

    /// <summary>True when the provided type is an iterator's element whose method is no iterator (the library rejects it).</summary>
    public bool IsSequenceWithoutIterator(KnownSymbols symbols, out ITypeSymbol sequence)
    {
        sequence = Method.ReturnType;
        var isSequence = KnownSymbols.IsGeneric(sequence, symbols.AsyncEnumerable, out var element) || KnownSymbols.IsGeneric(sequence, symbols.Enumerable, out element);
        if (!isSequence || IsIterator)
        {
            return false;
        }

        // Add<T> with T the element (a wrapper returning another iterator) or the sequence itself is accepted.
        return ExplicitKey is null
            || (!SymbolEqualityComparer.Default.Equals(ExplicitKey, element) && !SymbolEqualityComparer.Default.Equals(ExplicitKey, sequence));
    }

    /// <summary>Syntax kinds of a yield return, for callers that look for them.</summary>
    public static bool IsYieldReturn(SyntaxNode node) => node.IsKind(SyntaxKind.YieldReturnStatement);
}
