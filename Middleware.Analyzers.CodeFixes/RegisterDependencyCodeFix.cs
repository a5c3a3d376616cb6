using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;

namespace YieldDeps.Analyzers.CodeFixes;

/// <summary>
/// Registers the missing dependency of a YD0003 parameter when its type has one evident static factory (an iterator
/// of it, or a method returning a task of it), in the app's only UseYieldDependencies or AddYieldDependencies call.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RegisterDependencyCodeFix))]
[Shared]
public sealed class RegisterDependencyCodeFix : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(Descriptors.ParameterNotSupplied.Id);

    /// <inheritdoc />
    public override FixAllProvider? GetFixAllProvider() => null;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (root is null || model is null || !diagnostic.Properties.TryGetValue(RegistrationAnalyzer.FactoryProperty, out var factory) || factory is null
                || root.FindNode(diagnostic.Location.SourceSpan).FirstAncestorOrSelf<ParameterSyntax>() is not { } syntax
                || model.GetDeclaredSymbol(syntax, context.CancellationToken) is not { } parameter)
            {
                continue;
            }

            var registration = await FindRegistrationAsync(context.Document.Project, context.CancellationToken).ConfigureAwait(false);
            if (registration is null || !CanAddTo(registration.Value.Call))
            {
                continue;
            }

            var reference = SyntaxFactory.ParseExpression(parameter.Type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) + "." + factory)
                .WithAdditionalAnnotations(Simplifier.Annotation);
            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Register {parameter.Type.Name}.{factory} as a dependency",
                    token => RegisterAsync(context.Document.Project.Solution, registration.Value, reference, token),
                    nameof(RegisterDependencyCodeFix)),
                diagnostic);
        }
    }

    /// <summary>The app's one registration call, with the document it is in; null when there is none or several.</summary>
    private static async Task<(DocumentId Document, InvocationExpressionSyntax Call)?> FindRegistrationAsync(Project project, CancellationToken cancellationToken)
    {
        (DocumentId, InvocationExpressionSyntax)? found = null;
        foreach (var document in project.Documents)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                continue;
            }

            foreach (var call in root.DescendantNodes().OfType<InvocationExpressionSyntax>())
            {
                if (call.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "UseYieldDependencies" or "AddYieldDependencies" })
                {
                    if (found is not null)
                    {
                        return null;
                    }

                    found = (document.Id, call);
                }
            }
        }

        return found;
    }

    /// <summary>The registration calls the fix can add to: no configure argument, or a lambda with a chain or a block body.</summary>
    private static bool CanAddTo(InvocationExpressionSyntax call) =>
        call.ArgumentList.Arguments.Count == 0
        || (call.ArgumentList.Arguments.Count == 1
            && call.ArgumentList.Arguments[0].Expression is SimpleLambdaExpressionSyntax lambda
            && (lambda.Block is not null || IsRegistryChain(lambda.ExpressionBody)));

    /// <summary>A chain of the registry's methods (<c>deps.Add(...).AddClass&lt;...&gt;()</c>), which returns the registry.</summary>
    private static bool IsRegistryChain(ExpressionSyntax? expression) =>
        expression is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Add" or "AddClass" or "AddGlobal" } };

    private static async Task<Solution> RegisterAsync(Solution solution, (DocumentId Document, InvocationExpressionSyntax Call) registration, ExpressionSyntax factory, CancellationToken cancellationToken)
    {
        var document = solution.GetDocument(registration.Document)!;
        var root = (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!;
        var call = registration.Call;
        var arguments = call.ArgumentList.Arguments;
        SyntaxNode? updated = null;
        if (arguments.Count == 0)
        {
            var lambda = SyntaxFactory.ParseExpression("deps => deps.Add(FACTORY)");
            lambda = lambda.ReplaceNode(lambda.DescendantNodes().OfType<IdentifierNameSyntax>().Single(n => n.Identifier.ValueText == "FACTORY"), factory);
            updated = root.ReplaceNode(call, call.WithArgumentList(call.ArgumentList.AddArguments(SyntaxFactory.Argument(lambda))));
        }
        else if (arguments[0].Expression is SimpleLambdaExpressionSyntax lambda)
        {
            var name = lambda.Parameter.Identifier.ValueText;
            if (IsRegistryChain(lambda.ExpressionBody) && lambda.ExpressionBody is InvocationExpressionSyntax chain)
            {
                var added = SyntaxFactory.InvocationExpression(
                    SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, chain.WithoutTrailingTrivia(), SyntaxFactory.IdentifierName("Add")),
                    SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(factory))));
                updated = root.ReplaceNode(chain, added.WithTriviaFrom(chain));
            }
            else if (lambda.Block is { } block)
            {
                var statement = SyntaxFactory.ParseStatement($"{name}.Add(FACTORY);");
                statement = statement.ReplaceNode(statement.DescendantNodes().OfType<IdentifierNameSyntax>().Single(n => n.Identifier.ValueText == "FACTORY"), factory);
                updated = root.ReplaceNode(block, block.AddStatements(statement.WithAdditionalAnnotations(Microsoft.CodeAnalysis.Formatting.Formatter.Annotation)));
            }
        }

        return updated is null ? solution : solution.WithDocumentSyntaxRoot(registration.Document, updated);
    }
}
