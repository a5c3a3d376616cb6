using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace YieldDeps.Analyzers.CodeFixes;

/// <summary>Moves a <c>builder.UseYieldDependencies(...)</c> statement after <c>ConfigureFunctionsWebApplication</c> (YD0005).</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MoveUseYieldDependenciesCodeFix))]
[Shared]
public sealed class MoveUseYieldDependenciesCodeFix : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(Descriptors.UseBeforeWebApplication.Id);

    /// <inheritdoc />
    public override FixAllProvider? GetFixAllProvider() => null;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (root is null || !diagnostic.Properties.TryGetValue(RegistrationOrderAnalyzer.MovableProperty, out var movable) || movable != "true"
                || diagnostic.AdditionalLocations.Count != 1)
            {
                continue;
            }

            var statement = root.FindNode(diagnostic.Location.SourceSpan).FirstAncestorOrSelf<ExpressionStatementSyntax>();
            var later = root.FindNode(diagnostic.AdditionalLocations[0].SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<StatementSyntax>();
            if (statement is null || later is null)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    "Call UseYieldDependencies after ConfigureFunctionsWebApplication",
                    token => MoveAsync(context.Document, statement, later, token),
                    nameof(MoveUseYieldDependenciesCodeFix)),
                diagnostic);
        }
    }

    private static async Task<Document> MoveAsync(Document document, StatementSyntax statement, StatementSyntax later, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        // Top-level statements are moved with their GlobalStatement wrapper.
        SyntaxNode moved = statement.Parent is GlobalStatementSyntax global ? global : statement;
        SyntaxNode anchor = later.Parent is GlobalStatementSyntax laterGlobal ? laterGlobal : later;
        var tracked = root.TrackNodes(moved, anchor);
        tracked = tracked.RemoveNode(tracked.GetCurrentNode(moved)!, SyntaxRemoveOptions.KeepNoTrivia)!;
        tracked = tracked.InsertNodesAfter(tracked.GetCurrentNode(anchor)!, [moved]);
        return document.WithSyntaxRoot(tracked);
    }
}
