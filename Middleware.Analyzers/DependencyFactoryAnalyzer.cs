using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace YieldDeps.Analyzers;

/// <summary>
/// Checks each factory passed to a registry's <c>Add</c>: a registered iterator yields exactly once (YD0001), its
/// teardown does not take the invocation's cancellation token (YD0002), and a method returning a sequence is an
/// iterator (YD0006).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DependencyFactoryAnalyzer : YieldDepsAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.IteratorMustYieldOnce, Descriptors.TeardownUsesInvocationToken, Descriptors.SequenceNotIterator);

    /// <inheritdoc />
    private protected override void Start(CompilationStartAnalysisContext start, KnownSymbols symbols)
    {
        // A method registered more than once is checked once.
        var checkedMethods = new ConcurrentDictionary<IMethodSymbol, bool>(SymbolEqualityComparer.Default);
        start.RegisterOperationAction(c => AnalyzeAdd(c, symbols, checkedMethods), OperationKind.Invocation);
    }

    private static void AnalyzeAdd(OperationAnalysisContext context, KnownSymbols symbols, ConcurrentDictionary<IMethodSymbol, bool> checkedMethods)
    {
        var invocation = (IInvocationOperation)context.Operation;
        if (DependencyFactory.Of(invocation, symbols, context.CancellationToken) is not { } factory)
        {
            return;
        }

        var argument = invocation.Arguments.First(a => a.Parameter?.Ordinal == 0).Syntax;
        if (factory.IsSequenceWithoutIterator(symbols, out var sequence))
        {
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.SequenceNotIterator, argument.GetLocation(), factory.Name, sequence.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)));
            return;
        }

        if (!factory.IsMethodGroup || !factory.IsIterator || !checkedMethods.TryAdd(factory.Method.OriginalDefinition, true))
        {
            return;
        }

        // Each method is checked where it is declared, once per registration that names it.
        foreach (var reference in factory.Method.DeclaringSyntaxReferences)
        {
            var declaration = reference.GetSyntax(context.CancellationToken);
            if (DependencyFactory.Body(declaration) is not BlockSyntax body)
            {
                continue;
            }

            var name = declaration switch
            {
                MethodDeclarationSyntax m => m.Identifier.GetLocation(),
                LocalFunctionStatementSyntax l => l.Identifier.GetLocation(),
                _ => declaration.GetLocation(),
            };

            if (YieldCountAnalysis.Run(body) is { } counts)
            {
                if (counts.MayFinishWithoutYield)
                {
                    context.ReportDiagnostic(Diagnostic.Create(Descriptors.IteratorMustYieldOnce, name, factory.Name, "can finish without a 'yield return' on some path"));
                }

                if (counts.MayYieldTwice)
                {
                    context.ReportDiagnostic(Diagnostic.Create(Descriptors.IteratorMustYieldOnce, name, factory.Name, "can run 'yield return' more than once"));
                }
            }

            if (KnownSymbols.IsGeneric(factory.Method.ReturnType, symbols.AsyncEnumerable, out _))
            {
                ReportInvocationTokenAfterYield(context, factory, body, symbols);
            }
        }
    }

    private static void ReportInvocationTokenAfterYield(OperationAnalysisContext context, DependencyFactory factory, BlockSyntax body, KnownSymbols symbols)
    {
        // A local cannot shadow a parameter, and nested functions are left out: a name is the parameter it names.
        var tokens = factory.Method.Parameters.Where(p => KnownSymbols.Is(p.Type, symbols.CancellationToken)).Select(p => p.Name).ToList();
        var firstYield = DependencyFactory.YieldStatements(body).FirstOrDefault(DependencyFactory.IsYieldReturn);
        if (tokens.Count == 0 || firstYield is null)
        {
            return;
        }

        var teardown = body.DescendantNodes(n => !DependencyFactory.IsNestedFunction(n))
            .OfType<IdentifierNameSyntax>()
            .Where(n => n.SpanStart > firstYield.Span.End && n.Parent is ArgumentSyntax);
        foreach (var identifier in teardown)
        {
            if (tokens.Contains(identifier.Identifier.ValueText))
            {
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.TeardownUsesInvocationToken, identifier.GetLocation(), factory.Name, identifier.Identifier.ValueText));
            }
        }
    }
}
