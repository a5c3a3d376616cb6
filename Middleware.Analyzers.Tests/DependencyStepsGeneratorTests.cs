using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using YieldDeps.Generators;

namespace YieldDeps.Analyzers.Tests;

/// <summary>
/// The source generator over small apps: which registrations and function classes get a generated step, that the
/// output compiles with the app, and that the MSBuild property turns it off. What the steps do at run time is
/// checked by the contract tests (Middleware.Tests), which build with the generator.
/// </summary>
public sealed class DependencyStepsGeneratorTests
{
    private const string App = """
        using System;
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.Azure.Functions.Worker;
        using YieldDeps;

        public sealed record Db(string Name);
        public sealed record Clock(DateTime Now);
        public sealed record Tenant(string Id);
        public sealed record Lease(int Id);

        public static class Deps
        {
            public static void Register(DependencyRegistry deps) => deps
                .Add(Open)
                .Add(Now)
                .Add(ReadTenant)
                .AddClass<LeaseDependency>();

            public static async IAsyncEnumerable<Db> Open(Clock clock, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
            {
                await Task.Yield();
                yield return new Db("main");
            }

            public static Clock Now() => new(DateTime.UnixEpoch);

            public static Task<Tenant> ReadTenant(Db db) => Task.FromResult(new Tenant(db.Name));
        }

        public sealed class LeaseDependency(Db db) : IDependency<Lease>
        {
            public ValueTask<Lease> EnterAsync(CancellationToken cancellationToken) => new(new Lease(db.Name.Length));

            public ValueTask ExitAsync(Lease value, Exception? exception, CancellationToken cancellationToken) => default;
        }

        public sealed class Functions(Lease lease)
        {
            [Function("Run")]
            public string Run([QueueTrigger("q")] string message, Tenant tenant) => tenant.Id + lease.Id;
        }
        """;

    [Fact]
    public void StaticFactoriesDependencyClassesAndFunctionClasses_GetAStepEach_AndTheOutputCompiles()
    {
        var (output, compilation) = Run(App);

        Assert.Contains("declaringType == typeof(global::Deps) && member == \"Open\"", output, StringComparison.Ordinal);
        Assert.Contains("var enumerator = global::Deps.Open(arguments.Get<global::Clock>(0), arguments.Get<global::System.Threading.CancellationToken>(1)).GetAsyncEnumerator(arguments.CancellationToken);", output, StringComparison.Ordinal);
        Assert.Contains("Unsafe.As<global::System.Collections.Generic.IAsyncEnumerator<global::Db>>(exit.State)", output, StringComparison.Ordinal);
        Assert.Contains("Value<global::Clock>(global::Deps.Now())", output, StringComparison.Ordinal);
        Assert.Contains("Await<global::Tenant>(global::Deps.ReadTenant(arguments.Get<global::Db>(0)))", output, StringComparison.Ordinal);
        Assert.Contains("EnterClass<global::Lease>(new global::LeaseDependency(arguments.Get<global::Db>(0)), arguments)", output, StringComparison.Ordinal);
        Assert.Contains("new global::Functions(arguments.Get<global::Lease>(0))", output, StringComparison.Ordinal);
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
    }

    [Fact]
    public void WhatGeneratedCodeCannotCall_IsLeftToTheRuntimeEngine()
    {
        const string source = """
            using System.Collections.Generic;
            using YieldDeps;

            public sealed record Db(string Name);
            public sealed record Clock(int Ticks);
            public sealed record Tenant(string Id);
            public sealed record Lease(int Id);

            public sealed class Setup
            {
                public void Register(DependencyRegistry deps) => deps
                    .Add(() => new Clock(1))
                    .Add(Instance)
                    .Add(Hidden.Open)
                    .Add(Overloaded.Make);

                public Tenant Instance() => new("t");

                private static class Hidden
                {
                    public static IEnumerable<Db> Open()
                    {
                        yield return new Db("hidden");
                    }
                }
            }

            public static class Overloaded
            {
                public static Lease Make(Db db) => new(db.Name.Length);

                public static Lease Make(Tenant tenant) => new(tenant.Id.Length);
            }
            """;

        var (output, _) = Run(source);

        Assert.Equal(string.Empty, output);
    }

    [Fact]
    public void TheMsBuildPropertyYieldDepsGenerateFalse_TurnsTheGeneratorOff()
    {
        var (output, _) = Run(App, ("build_property.YieldDepsGenerate", "false"));

        Assert.Equal(string.Empty, output);
    }

    private static (string Output, Compilation Compilation) Run(string source, params (string Key, string Value)[] options)
    {
        var compilation = CSharpCompilation.Create(
            "App",
            [CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest))],
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var driver = CSharpGeneratorDriver.Create(
            [new DependencyStepsGenerator().AsSourceGenerator()],
            optionsProvider: new Options(options),
            parseOptions: new CSharpParseOptions(LanguageVersion.Latest));
        driver.RunGeneratorsAndUpdateCompilation(compilation, out var updated, out var problems);
        Assert.Empty(problems);
        var generated = updated.SyntaxTrees.Skip(1).Select(t => t.ToString()).ToList();
        return (string.Concat(generated), updated);
    }

    private static readonly Lazy<MetadataReference[]> References = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(path => !Path.GetFileName(path).StartsWith("YieldDeps.Analyzers", StringComparison.Ordinal) && !Path.GetFileName(path).StartsWith("YieldDeps.Generators", StringComparison.Ordinal))
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToArray());

    private sealed class Options((string Key, string Value)[] values) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Values(values.ToImmutableDictionary(v => v.Key, v => v.Value));

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => GlobalOptions;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => GlobalOptions;
    }

    private sealed class Values(ImmutableDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
    }
}
