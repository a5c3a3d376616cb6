namespace YieldDeps.Analyzers.Tests;

public sealed class DependsTests
{
    private const string Types = """
        public sealed record Audit(int Id)
        {
            public static Audit Open() => new(1);
        }

        public sealed record Lock(int Id);
        """;

    [Fact]
    public Task Depends_OnATypeThatIsNotRegistered_IsReported() =>
        CSharpVerifier.AnalyzeAsync<RegistrationAnalyzer>("""
            var builder = FunctionsApplication.CreateBuilder(args);
            builder.UseYieldDependencies(deps => deps.Add(Audit.Open));
            builder.Build().Run();

            public static class Jobs
            {
                [Function("Run")]
                [{|YD0004:Depends(typeof(Lock))|}]
                public static void Run([QueueTrigger("jobs")] string message)
                {
                }
            }
            """, Types);

    [Fact]
    public Task Depends_OnARegisteredType_IsNotReported() =>
        CSharpVerifier.AnalyzeAsync<RegistrationAnalyzer>("""
            var builder = FunctionsApplication.CreateBuilder(args);
            builder.UseYieldDependencies(deps => deps.Add(Audit.Open));
            builder.Build().Run();

            [Depends(typeof(Audit))]
            public static class Jobs
            {
                [Function("Run")]
                public static void Run([QueueTrigger("jobs")] string message)
                {
                }
            }
            """, Types);

    [Fact]
    public Task Depends_IsNotReported_WhenARegistrationCannotBeSeen() =>
        CSharpVerifier.AnalyzeAsync<RegistrationAnalyzer>("""
            Action<DependencyRegistry> configure = deps => deps.Add(Audit.Open);
            var builder = FunctionsApplication.CreateBuilder(args);
            builder.UseYieldDependencies(configure);
            builder.Build().Run();

            public static class Jobs
            {
                [Function("Run")]
                [Depends(typeof(Lock))]
                public static void Run([QueueTrigger("jobs")] string message)
                {
                }
            }
            """, Types);
}
