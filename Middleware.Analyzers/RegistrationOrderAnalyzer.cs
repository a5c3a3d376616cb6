using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace YieldDeps.Analyzers;

/// <summary>
/// Reports <c>builder.UseYieldDependencies(...)</c> followed, later in the same block and on the same builder
/// variable, by <c>builder.ConfigureFunctionsWebApplication()</c> (YD0005). A builder variable assigned again in
/// between is another builder, and is left alone.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RegistrationOrderAnalyzer : YieldDepsAnalyzer
{
    /// <summary>The diagnostic property that says the code fix can move the statement.</summary>
    internal const string MovableProperty = "Movable";

    private const string WebApplicationMethod = "ConfigureFunctionsWebApplication";

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.UseBeforeWebApplication);

    /// <inheritdoc />
    private protected override void Start(CompilationStartAnalysisContext start, KnownSymbols symbols)
    {
        start.RegisterOperationAction(c => Analyze(c, symbols), OperationKind.Invocation);
    }

    private static void Analyze(OperationAnalysisContext context, KnownSymbols symbols)
    {
        var invocation = (IInvocationOperation)context.Operation;
        if (invocation.TargetMethod.Name != "UseYieldDependencies" || !symbols.IsRegistrationEntry(invocation.TargetMethod)
            || BuilderVariable(invocation) is not { } builder
            || invocation.Syntax.FirstAncestorOrSelf<StatementSyntax>() is not { } statement)
        {
            return;
        }

        foreach (var later in LaterStatements(statement))
        {
            if (Assigns(later, builder, invocation.SemanticModel!, context.CancellationToken))
            {
                return;
            }

            var configure = later.DescendantNodes(n => !DependencyFactory.IsNestedFunction(n))
                .OfType<InvocationExpressionSyntax>()
                .FirstOrDefault(call => IsWebApplicationCall(call, builder, invocation.SemanticModel!, context));
            if (configure is not null)
            {
                var movable = statement is ExpressionStatementSyntax { Expression: var expression } && expression == invocation.Syntax;
                var properties = ImmutableDictionary<string, string?>.Empty.Add(MovableProperty, movable ? "true" : "false");
                var name = invocation.Syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } ? access.Name.GetLocation() : invocation.Syntax.GetLocation();
                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.UseBeforeWebApplication, name, [later.GetLocation()], properties, builder.Name));
                return;
            }
        }
    }

    /// <summary>The local or parameter the call is made on, if it is one.</summary>
    private static ISymbol? BuilderVariable(IInvocationOperation invocation)
    {
        var receiver = invocation.Instance ?? invocation.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == 0)?.Value;
        while (receiver is IConversionOperation conversion)
        {
            receiver = conversion.Operand;
        }

        return receiver switch
        {
            ILocalReferenceOperation local => local.Local,
            IParameterReferenceOperation parameter => parameter.Parameter,
            _ => null,
        };
    }

    /// <summary>The statements after this one in its block, or after its top-level statement in the file.</summary>
    internal static IEnumerable<StatementSyntax> LaterStatements(StatementSyntax statement)
    {
        switch (statement.Parent)
        {
            case BlockSyntax block:
                return block.Statements.Skip(block.Statements.IndexOf(statement) + 1);
            case GlobalStatementSyntax global when global.Parent is CompilationUnitSyntax unit:
                return unit.Members.Skip(unit.Members.IndexOf(global) + 1).OfType<GlobalStatementSyntax>().Select(g => g.Statement);
            default:
                return [];
        }
    }

    private static bool Assigns(StatementSyntax statement, ISymbol builder, SemanticModel model, System.Threading.CancellationToken cancellationToken) =>
        statement.DescendantNodesAndSelf().OfType<AssignmentExpressionSyntax>()
            .Any(a => SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(a.Left, cancellationToken).Symbol, builder));

    private static bool IsWebApplicationCall(InvocationExpressionSyntax call, ISymbol builder, SemanticModel model, OperationAnalysisContext context)
    {
        if (call.Expression is not MemberAccessExpressionSyntax { Name.Identifier.ValueText: WebApplicationMethod } access)
        {
            return false;
        }

        var target = model.GetSymbolInfo(access.Expression, context.CancellationToken).Symbol;
        return SymbolEqualityComparer.Default.Equals(target, builder);
    }
}
