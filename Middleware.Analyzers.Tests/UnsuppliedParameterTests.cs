using YieldDeps.Analyzers.CodeFixes;

namespace YieldDeps.Analyzers.Tests;

public sealed class UnsuppliedParameterTests
{
    private const string Types = """
        public sealed record Db(int Id)
        {
            public static async IAsyncEnumerable<Db> Open([EnumeratorCancellation] CancellationToken ct)
            {
                await Task.Yield();
                yield return new Db(1);
            }
        }

        public sealed record Clock(DateTimeOffset At)
        {
            public static Clock Now() => new(DateTimeOffset.UtcNow);
        }

        public sealed class Mailer
        {
        }
        """;

    [Fact]
    public Task A_FunctionParameter_OfAnUnregisteredType_IsReported_AndTheFixRegistersItsIterator() =>
        CSharpVerifier.FixAsync<RegistrationAnalyzer, RegisterDependencyCodeFix>(
            ["""
            var builder = FunctionsApplication.CreateBuilder(args);
            builder.UseYieldDependencies(deps => deps.Add(Clock.Now));
            builder.Build().Run();

            public static class Orders
            {
                [Function("Ship")]
                public static void Ship([QueueTrigger("orders")] string id, Clock clock, Db {|YD0003:db|})
                {
                }
            }
            """, Types],
            ["""
            var builder = FunctionsApplication.CreateBuilder(args);
            builder.UseYieldDependencies(deps => deps.Add(Clock.Now).Add(Db.Open));
            builder.Build().Run();

            public static class Orders
            {
                [Function("Ship")]
                public static void Ship([QueueTrigger("orders")] string id, Clock clock, Db db)
                {
                }
            }
            """, Types]);

    [Fact]
    public Task The_Fix_AddsARegistration_ToABlockLambda() =>
        CSharpVerifier.FixAsync<RegistrationAnalyzer, RegisterDependencyCodeFix>(
            ["""
            var builder = FunctionsApplication.CreateBuilder(args);
            builder.UseYieldDependencies(deps =>
            {
                deps.Add(Clock.Now);
            });
            builder.Build().Run();

            public static class Orders
            {
                [Function("Ship")]
                public static void Ship([QueueTrigger("orders")] string id, Db {|YD0003:db|})
                {
                }
            }
            """, Types],
            ["""
            var builder = FunctionsApplication.CreateBuilder(args);
            builder.UseYieldDependencies(deps =>
            {
                deps.Add(Clock.Now);
                deps.Add(Db.Open);
            });
            builder.Build().Run();

            public static class Orders
            {
                [Function("Ship")]
                public static void Ship([QueueTrigger("orders")] string id, Db db)
                {
                }
            }
            """, Types]);

    [Fact]
    public Task A_FunctionClassConstructorParameter_OfAnUnregisteredType_IsReported_WithoutAFix_WhenNoFactoryIsEvident() =>
        CSharpVerifier.FixAsync<RegistrationAnalyzer, RegisterDependencyCodeFix>(
            ["""
            var builder = FunctionsApplication.CreateBuilder(args);
            builder.UseYieldDependencies(deps => deps.Add(Clock.Now));
            builder.Build().Run();

            public sealed class Orders(Mailer {|YD0003:mailer|})
            {
                [Function("Ship")]
                public void Ship([QueueTrigger("orders")] string id)
                {
                }
            }
            """, Types],
            ["""
            var builder = FunctionsApplication.CreateBuilder(args);
            builder.UseYieldDependencies(deps => deps.Add(Clock.Now));
            builder.Build().Run();

            public sealed class Orders(Mailer {|YD0003:mailer|})
            {
                [Function("Ship")]
                public void Ship([QueueTrigger("orders")] string id)
                {
                }
            }
            """, Types]);

    [Fact]
    public Task Parameters_ThatAreDependencies_Services_WorkerValues_OrTheOutcome_AreNotReported() =>
        CSharpVerifier.AnalyzeAsync<RegistrationAnalyzer>("""
            var builder = FunctionsApplication.CreateBuilder(args);
            builder.Services.AddSingleton(new Mailer());
            builder.UseYieldDependencies(deps => deps.Add(Clock.Now).Add(Db.Open));
            builder.Build().Run();

            public enum Priority { Low, High }

            public sealed class Orders(Mailer mailer, Microsoft.Extensions.Logging.ILogger<Orders> logger)
            {
                [Function("Ship")]
                public void Ship([QueueTrigger("orders")] string id, Db db, Clock clock, Mailer mail, FunctionContext context, CancellationToken ct,
                    InvocationOutcome outcome, Priority priority, int count, string? note = null)
                {
                }
            }
            """, Types);

    [Fact]
    public Task Nothing_IsReported_WhenARegistrationGoesThroughCodeTheAnalyzerCannotFollow() =>
        CSharpVerifier.AnalyzeAsync<RegistrationAnalyzer>("""
            var builder = FunctionsApplication.CreateBuilder(args);
            builder.UseYieldDependencies(deps => deps.Add(Clock.Now));
            foreach (var type in typeof(Clock).Assembly.GetTypes())
            {
                builder.Services.AddScoped(type);
            }

            builder.Build().Run();

            public static class Orders
            {
                [Function("Ship")]
                public static void Ship([QueueTrigger("orders")] string id, Db db, Mailer mailer)
                {
                }
            }
            """, Types);

    [Fact]
    public Task Nothing_IsReported_WhenTheAppRegistersNothingItself() =>
        CSharpVerifier.AnalyzeAsync<RegistrationAnalyzer>("""
            public static class Orders
            {
                [Function("Ship")]
                public static void Ship([QueueTrigger("orders")] string id, Db db, Mailer mailer)
                {
                }
            }
            """, Types.Replace("public sealed record Db", "public static class Entry { public static void Main() { } }\n\npublic sealed record Db"));

    [Fact]
    public Task The_Fix_AddsTheFirstRegistration_ToAUseYieldDependenciesCallWithoutOne() =>
        CSharpVerifier.FixAsync<RegistrationAnalyzer, RegisterDependencyCodeFix>(
            ["""
            var builder = FunctionsApplication.CreateBuilder(args);
            builder.UseYieldDependencies();
            builder.Build().Run();

            public static class Orders
            {
                [Function("Ship")]
                public static void Ship([QueueTrigger("orders")] string id, Db {|YD0003:db|})
                {
                }
            }
            """, Types],
            ["""
            var builder = FunctionsApplication.CreateBuilder(args);
            builder.UseYieldDependencies(deps => deps.Add(Db.Open));
            builder.Build().Run();

            public static class Orders
            {
                [Function("Ship")]
                public static void Ship([QueueTrigger("orders")] string id, Db db)
                {
                }
            }
            """, Types]);

    [Fact]
    public Task A_Registration_InAMethodOfTheApp_IsFollowed() =>
        CSharpVerifier.AnalyzeAsync<RegistrationAnalyzer>("""
            var builder = FunctionsApplication.CreateBuilder(args);
            builder.UseYieldDependencies(Setup.Register);
            builder.Build().Run();

            public static class Setup
            {
                public static void Register(DependencyRegistry deps) => deps.Add(Clock.Now);
            }

            public static class Orders
            {
                [Function("Ship")]
                public static void Ship([QueueTrigger("orders")] string id, Clock clock, Mailer {|YD0003:mailer|})
                {
                }
            }
            """, Types);
}
