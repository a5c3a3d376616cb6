using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace YieldDeps.Analyzers;

/// <summary>
/// What every YieldDeps analyzer does first: skip generated code, run concurrently, and look at a compilation only
/// when it references YieldDeps (<see cref="KnownSymbols"/>); the analyzer then registers its own actions.
/// </summary>
public abstract class YieldDepsAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public sealed override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            if (KnownSymbols.For(start.Compilation) is { } symbols)
            {
                Start(start, symbols);
            }
        });
    }

    /// <summary>Registers the analyzer's actions on a compilation that references YieldDeps.</summary>
    private protected abstract void Start(CompilationStartAnalysisContext start, KnownSymbols symbols);
}
