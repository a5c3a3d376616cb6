using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using YieldDeps.Analyzers;

namespace YieldDeps.Generators;

/// <summary>
/// Writes the app's dependency steps: for every static factory method registered with <c>Add</c>, every class
/// registered with <c>AddClass</c> and every class holding functions whose constructor takes arguments, a case that
/// calls it directly with typed arguments and enters and exits the result through <c>DependencySteps</c>. The cases
/// live in one class deriving from <c>GeneratedDependencySteps</c>, registered by a module initializer. The MSBuild
/// property <c>YieldDepsGenerate</c> set to <c>false</c> turns the generator off.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class DependencyStepsGenerator : IIncrementalGenerator
{
    private static readonly ConditionalWeakTable<Compilation, KnownSymbols?> Symbols = new();

    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var registrations = context.SyntaxProvider.CreateSyntaxProvider(
                static (node, _) => node is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Add" or "AddClass" } },
                static (syntax, cancellationToken) =>
                {
                    var compilation = syntax.SemanticModel.Compilation;
                    return SymbolsOf(compilation) is { } symbols && syntax.SemanticModel.GetOperation(syntax.Node, cancellationToken) is IInvocationOperation invocation
                        ? StepReader.FromRegistration(invocation, symbols, compilation, cancellationToken)
                        : null;
                })
            .Where(static step => step is not null)
            .Collect();

        var functionClasses = context.SyntaxProvider.ForAttributeWithMetadataName(
                "Microsoft.Azure.Functions.Worker.FunctionAttribute",
                static (node, _) => node is MethodDeclarationSyntax,
                static (syntax, _) => syntax.TargetSymbol.ContainingType is { } type && SymbolsOf(syntax.SemanticModel.Compilation) is not null
                    ? StepReader.FromFunctionClass(type, syntax.SemanticModel.Compilation)
                    : null)
            .Where(static step => step is not null)
            .Collect();

        var enabled = context.AnalyzerConfigOptionsProvider.Select(static (options, _) =>
            !options.GlobalOptions.TryGetValue("build_property.YieldDepsGenerate", out var value) || !string.Equals(value, "false", StringComparison.OrdinalIgnoreCase));

        var supported = context.CompilationProvider.Select(static (compilation, _) =>
            compilation.GetTypeByMetadataName("YieldDeps.Generated.GeneratedDependencySteps") is not null);

        var assemblyName = context.CompilationProvider.Select(static (compilation, _) => compilation.AssemblyName ?? "App");

        var all = registrations.Combine(functionClasses).Combine(enabled.Combine(supported)).Combine(assemblyName);
        context.RegisterSourceOutput(all, static (output, input) =>
        {
            var (((registered, functions), (isEnabled, isSupported)), assembly) = input;
            if (!isEnabled || !isSupported)
            {
                return;
            }

            var steps = registered.Concat(functions).Select(s => s!).Distinct().OrderBy(s => s.Key, StringComparer.Ordinal).ToImmutableArray();
            if (steps.Length == 0)
            {
                return;
            }

            output.AddSource("YieldDeps.DependencySteps.g.cs", StepsWriter.Write(steps, assembly));
        });
    }

    private static KnownSymbols? SymbolsOf(Compilation compilation) => Symbols.GetValue(compilation, KnownSymbols.For);
}
