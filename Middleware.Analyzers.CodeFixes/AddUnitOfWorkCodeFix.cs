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
/// Registers the unit of work of a YD0007 context, <c>deps.AddDbContextUnitOfWork&lt;TContext&gt;()</c>, in the app's
/// only UseYieldDependencies or AddYieldDependencies call, with its using directive; offered when the project
/// references YieldDeps.EntityFrameworkCore.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddUnitOfWorkCodeFix))]
[Shared]
public sealed class AddUnitOfWorkCodeFix : CodeFixProvider
{
    private const string UnitOfWorkNamespace = "YieldDeps.EntityFrameworkCore";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(Descriptors.DbContextWithoutUnitOfWork.Id);

    /// <inheritdoc />
    public override FixAllProvider? GetFixAllProvider() => null;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null || model.Compilation.GetTypeByMetadataName(UnitOfWorkNamespace + ".DbContextUnitOfWorkExtensions") is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (root.FindNode(diagnostic.Location.SourceSpan).FirstAncestorOrSelf<ParameterSyntax>() is not { } syntax
                || model.GetDeclaredSymbol(syntax, context.CancellationToken) is not { } parameter)
            {
                continue;
            }

            var registration = await RegistrationCall.FindAsync(context.Document.Project, context.CancellationToken).ConfigureAwait(false);
            if (registration is null || !RegistrationCall.CanAddTo(registration.Value.Call))
            {
                continue;
            }

            var contextType = SyntaxFactory.ParseTypeName(parameter.Type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat)).WithAdditionalAnnotations(Simplifier.Annotation);
            var name = SyntaxFactory.GenericName(SyntaxFactory.Identifier("AddDbContextUnitOfWork"), SyntaxFactory.TypeArgumentList(SyntaxFactory.SingletonSeparatedList(contextType)));
            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Register a unit of work for {parameter.Type.Name}",
                    token => RegistrationCall.AddAsync(context.Document.Project.Solution, registration.Value, name, SyntaxFactory.ArgumentList(), UnitOfWorkNamespace, token),
                    nameof(AddUnitOfWorkCodeFix)),
                diagnostic);
        }
    }
}
