namespace YieldDeps.Analyzers.Tests;

public sealed class TeardownTokenTests
{
    private const string Program = """
        var builder = FunctionsApplication.CreateBuilder(args);
        builder.UseYieldDependencies(deps => deps.Add(Unit.Open));
        builder.Build().Run();

        public sealed partial class Unit
        {
            public Task BeginAsync(CancellationToken ct) => Task.CompletedTask;

            public Task CommitAsync(CancellationToken ct) => Task.CompletedTask;
        }
        """;

    [Fact]
    public Task A_Commit_AfterYieldReturn_WithTheInvocationToken_IsReported() =>
        CSharpVerifier.AnalyzeAsync<DependencyFactoryAnalyzer>(Program, """
            public sealed partial class Unit
            {
                public static async IAsyncEnumerable<Unit> Open([EnumeratorCancellation] CancellationToken ct)
                {
                    var unit = new Unit();
                    await unit.BeginAsync(ct);
                    yield return unit;
                    await unit.CommitAsync({|YD0002:ct|});
                }
            }
            """);

    [Fact]
    public Task A_Commit_AfterYieldReturn_WithTheTeardownToken_IsNotReported() =>
        CSharpVerifier.AnalyzeAsync<DependencyFactoryAnalyzer>(Program, """
            public sealed partial class Unit
            {
                public static async IAsyncEnumerable<Unit> Open(InvocationOutcome outcome, [EnumeratorCancellation] CancellationToken ct)
                {
                    var unit = new Unit();
                    await unit.BeginAsync(ct);
                    yield return unit;
                    await unit.CommitAsync(outcome.TeardownToken);
                }
            }
            """);
}
