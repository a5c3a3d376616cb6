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

            var registration = await RegistrationCall.FindAsync(context.Document.Project, context.CancellationToken).ConfigureAwait(false);
            if (registration is null || !RegistrationCall.CanAddTo(registration.Value.Call))
            {
                continue;
            }

            var reference = SyntaxFactory.ParseExpression(parameter.Type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) + "." + factory)
                .WithAdditionalAnnotations(Simplifier.Annotation);
            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Register {parameter.Type.Name}.{factory} as a dependency",
                    token => RegistrationCall.AddAsync(
                        context.Document.Project.Solution,
                        registration.Value,
                        SyntaxFactory.IdentifierName("Add"),
                        SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(reference))),
                        usingNamespace: null,
                        token),
                    nameof(RegisterDependencyCodeFix)),
                diagnostic);
        }
    }
}
