using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace YieldDeps.Analyzers.Tests;

/// <summary>
/// Runs an analyzer, or an analyzer and its code fix, over C# sources that compile against the running runtime,
/// ASP.NET Core, YieldDeps and the isolated worker: the assemblies this test process runs with, so no reference
/// package is downloaded. The sources are an app (top-level statements allowed), with the usual implicit usings.
/// </summary>
internal static class CSharpVerifier
{
    private const string ImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Runtime.CompilerServices;
        global using System.Threading;
        global using System.Threading.Tasks;
        global using Microsoft.Azure.Functions.Worker;
        global using Microsoft.Azure.Functions.Worker.Builder;
        global using Microsoft.Extensions.DependencyInjection;
        global using Microsoft.Extensions.Hosting;
        global using YieldDeps;
        """;

    private static readonly Lazy<MetadataReference[]> References = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(path => !Path.GetFileName(path).StartsWith("YieldDeps.Analyzers", StringComparison.Ordinal))
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToArray());

    public static Task AnalyzeAsync<TAnalyzer>(params string[] sources)
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        var test = new CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>();
        Prepare(test.TestState, sources);
        return test.RunAsync();
    }

    public static Task AnalyzeAsync<TAnalyzer>(string[] sources, params DiagnosticResult[] expected)
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        var test = new CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>();
        Prepare(test.TestState, sources);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    public static Task FixAsync<TAnalyzer, TCodeFix>(string[] sources, string[] fixedSources)
        where TAnalyzer : DiagnosticAnalyzer, new()
        where TCodeFix : CodeFixProvider, new()
    {
        var test = new CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>();
        Prepare(test.TestState, sources);
        Prepare(test.FixedState, fixedSources);

        // YD0003 is reported when the whole compilation has been seen (a compilation-end diagnostic): its fix is
        // offered from the build's and the full solution analysis's diagnostics, which the check for local ones refuses.
        test.CodeFixTestBehaviors |= CodeFixTestBehaviors.SkipLocalDiagnosticCheck;
        return test.RunAsync();
    }

    private static void Prepare(SolutionState state, string[] sources)
    {
        for (var i = 0; i < sources.Length; i++)
        {
            state.Sources.Add(($"/0/Test{i}.cs", sources[i]));
        }

        state.Sources.Add(("/0/Usings.cs", ImplicitUsings));
        state.OutputKind = OutputKind.ConsoleApplication;
        state.ReferenceAssemblies = new ReferenceAssemblies("net10.0");
        state.AdditionalReferences.AddRange(References.Value);
    }
}
