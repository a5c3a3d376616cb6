using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;

namespace YieldDeps.Analyzers.CodeFixes;

/// <summary>
/// The app's one <c>UseYieldDependencies</c> or <c>AddYieldDependencies</c> call, and how a code fix adds a call on the
/// registry to it: to a chain, to a block lambda, or as the first registration.
/// </summary>
internal static class RegistrationCall
{
    /// <summary>The app's one registration call, with the document it is in; null when there is none or several.</summary>
    public static async Task<(DocumentId Document, InvocationExpressionSyntax Call)?> FindAsync(Project project, CancellationToken cancellationToken)
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

    /// <summary>The registration calls a fix can add to: no configure argument, or a lambda with a chain or a block body.</summary>
    public static bool CanAddTo(InvocationExpressionSyntax call) =>
        call.ArgumentList.Arguments.Count == 0
        || (call.ArgumentList.Arguments.Count == 1
            && call.ArgumentList.Arguments[0].Expression is SimpleLambdaExpressionSyntax lambda
            && (lambda.Block is not null || IsRegistryChain(lambda.ExpressionBody)));

    /// <summary>
    /// Adds <c>deps.NAME(ARGUMENTS)</c> to the registration call; with <paramref name="usingNamespace"/>, also the using
    /// directive the call needs, to the registration's document.
    /// </summary>
    public static async Task<Solution> AddAsync(
        Solution solution,
        (DocumentId Document, InvocationExpressionSyntax Call) registration,
        SimpleNameSyntax name,
        ArgumentListSyntax arguments,
        string? usingNamespace,
        CancellationToken cancellationToken)
    {
        var document = solution.GetDocument(registration.Document)!;
        var root = (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!;
        var call = registration.Call;
        SyntaxNode? updated = null;
        if (call.ArgumentList.Arguments.Count == 0)
        {
            var lambda = SyntaxFactory.SimpleLambdaExpression(SyntaxFactory.Parameter(SyntaxFactory.Identifier("deps")), Invoke(SyntaxFactory.IdentifierName("deps"), name, arguments))
                .NormalizeWhitespace();
            updated = root.ReplaceNode(call, call.WithArgumentList(call.ArgumentList.AddArguments(SyntaxFactory.Argument(lambda))));
        }
        else if (call.ArgumentList.Arguments[0].Expression is SimpleLambdaExpressionSyntax lambda)
        {
            if (IsRegistryChain(lambda.ExpressionBody) && lambda.ExpressionBody is InvocationExpressionSyntax chain)
            {
                updated = root.ReplaceNode(chain, Invoke(chain.WithoutTrailingTrivia(), name, arguments).WithTriviaFrom(chain));
            }
            else if (lambda.Block is { } block)
            {
                var statement = SyntaxFactory.ExpressionStatement(Invoke(SyntaxFactory.IdentifierName(lambda.Parameter.Identifier.ValueText), name, arguments));
                updated = root.ReplaceNode(block, block.AddStatements(statement.WithAdditionalAnnotations(Formatter.Annotation)));
            }
        }

        if (updated is CompilationUnitSyntax unit && usingNamespace is not null && !unit.Usings.Any(u => u.Name?.ToString() == usingNamespace))
        {
            updated = unit.AddUsings(SyntaxFactory.UsingDirective(SyntaxFactory.ParseName(usingNamespace)).NormalizeWhitespace().WithTrailingTrivia(SyntaxFactory.LineFeed));
        }

        return updated is null ? solution : solution.WithDocumentSyntaxRoot(registration.Document, updated);
    }

    /// <summary>A chain of the registry's methods (<c>deps.Add(...).AddClass&lt;...&gt;()</c>), which returns the registry.</summary>
    private static bool IsRegistryChain(ExpressionSyntax? expression) =>
        expression is InvocationExpressionSyntax
        {
            Expression: MemberAccessExpressionSyntax
            {
                Name.Identifier.ValueText: "Add" or "AddClass" or "AddGlobal" or "AddDbContextUnitOfWork" or "AllowDbContextWithoutUnitOfWork",
            },
        };

    private static InvocationExpressionSyntax Invoke(ExpressionSyntax receiver, SimpleNameSyntax name, ArgumentListSyntax arguments) =>
        SyntaxFactory.InvocationExpression(SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, receiver, name), arguments);
}
