using YieldDeps.Analyzers.CodeFixes;

namespace YieldDeps.Analyzers.Tests;

public sealed class RegistrationOrderTests
{
    [Fact]
    public Task UseYieldDependencies_BeforeConfigureFunctionsWebApplication_IsReported_AndTheFixMovesIt() =>
        CSharpVerifier.FixAsync<RegistrationOrderAnalyzer, MoveUseYieldDependenciesCodeFix>(
            ["""
            var builder = FunctionsApplication.CreateBuilder(args);
            builder.{|YD0005:UseYieldDependencies|}(deps => deps.Add(Clock.Now));
            builder.ConfigureFunctionsWebApplication();
            builder.Build().Run();

            public sealed record Clock(DateTimeOffset At)
            {
                public static Clock Now() => new(DateTimeOffset.UtcNow);
            }
            """],
            ["""
            var builder = FunctionsApplication.CreateBuilder(args);
            builder.ConfigureFunctionsWebApplication();
            builder.UseYieldDependencies(deps => deps.Add(Clock.Now));
            builder.Build().Run();

            public sealed record Clock(DateTimeOffset At)
            {
                public static Clock Now() => new(DateTimeOffset.UtcNow);
            }
            """]);

    [Fact]
    public Task UseYieldDependencies_AfterConfigureFunctionsWebApplication_IsNotReported() =>
        CSharpVerifier.AnalyzeAsync<RegistrationOrderAnalyzer>("""
            var builder = FunctionsApplication.CreateBuilder(args);
            builder.ConfigureFunctionsWebApplication();
            builder.UseYieldDependencies(deps => deps.Add(Clock.Now));
            builder.Build().Run();

            public sealed record Clock(DateTimeOffset At)
            {
                public static Clock Now() => new(DateTimeOffset.UtcNow);
            }
            """);

    [Fact]
    public Task A_Builder_AssignedAgain_InBetween_IsAnotherBuilder_AndIsNotReported() =>
        CSharpVerifier.AnalyzeAsync<RegistrationOrderAnalyzer>("""
            var builder = FunctionsApplication.CreateBuilder(args);
            builder.UseYieldDependencies();
            builder = FunctionsApplication.CreateBuilder(args);
            builder.ConfigureFunctionsWebApplication();
            builder.Build().Run();
            """);
}
