namespace YieldDeps.Analyzers.Tests;

public sealed class SequenceNotIteratorTests
{
    private const string Session = """
        public sealed record Session(int Id)
        {
            public static IEnumerable<Session> FromList() => new List<Session> { new(1) };

            public static IEnumerable<Session> Open()
            {
                yield return new Session(1);
            }
        }
        """;

    [Fact]
    public Task A_Method_ReturningASequence_WithoutBeingAnIterator_IsReported() =>
        CSharpVerifier.AnalyzeAsync<DependencyFactoryAnalyzer>("""
            var builder = FunctionsApplication.CreateBuilder(args);
            builder.UseYieldDependencies(deps => deps.Add({|YD0006:Session.FromList|}));
            builder.Build().Run();
            """, Session);

    [Fact]
    public Task An_Iterator_OrASequenceRegisteredAsItself_IsNotReported() =>
        CSharpVerifier.AnalyzeAsync<DependencyFactoryAnalyzer>("""
            var builder = FunctionsApplication.CreateBuilder(args);
            builder.UseYieldDependencies(deps => deps.Add(Session.Open).Add<IEnumerable<Session>>(Session.FromList));
            builder.Build().Run();
            """, Session);
}
