using YieldDeps.Analyzers.CodeFixes;

namespace YieldDeps.Analyzers.Tests;

public sealed class DbContextWithoutUnitOfWorkTests
{
    private const string Types = """
        using Microsoft.EntityFrameworkCore;

        public sealed class ShopDb(DbContextOptions<ShopDb> options) : DbContext(options)
        {
        }

        public sealed record Clock(DateTimeOffset At)
        {
            public static Clock Now() => new(DateTimeOffset.UtcNow);
        }

        public sealed record Stock(int Count)
        {
            public static Stock Read(ShopDb {|#0:db|}) => new(0);

            public static Stock ReadThroughFactory(IDbContextFactory<ShopDb> contexts) => new(0);
        }

        public sealed class Basket(ShopDb {|#1:db|}) : IDependency<Basket>
        {
            public ValueTask<Basket> EnterAsync(CancellationToken cancellationToken) => new(this);

            public ValueTask ExitAsync(Basket value, Exception? exception, CancellationToken cancellationToken) => default;
        }
        """;

    private const string Functions = """
        public static class Orders
        {
            [Function("Place")]
            public static void Place([QueueTrigger("orders")] string id, ShopDb {|#2:db|}, Clock clock)
            {
            }
        }

        public sealed class Reports(ShopDb {|#3:db|})
        {
            [Function("Report")]
            public void Report([QueueTrigger("reports")] string id)
            {
            }
        }
        """;

    [Fact]
    public Task AContextRegisteredOnlyAsAServiceIsReportedWhereverItReachesAFunctionOrADependency() =>
        CSharpVerifier.AnalyzeAsync<RegistrationAnalyzer>(
            [$$"""
            using Microsoft.EntityFrameworkCore;

            var builder = FunctionsApplication.CreateBuilder(args);
            builder.Services.AddDbContext<ShopDb>(o => { });
            builder.UseYieldDependencies(deps => deps.Add(Clock.Now).Add(Stock.Read).Add(Stock.ReadThroughFactory).AddClass<Basket>().Add((ShopDb {|#4:shop|}) => shop.Model));
            builder.Build().Run();

            {{Functions}}
            """, Types],
            Expected(0, "db", "dependency Stock.Read"),
            Expected(1, "db", "the constructor of dependency class Basket"),
            Expected(2, "db", "function Orders.Place"),
            Expected(3, "db", "the constructor of Reports"),
            Expected(4, "shop", "a lambda registered as a dependency"));

    [Fact]
    public Task AUnitOfWorkForTheContextIsEnoughAndItsOwnPlumbingIsNotReported() =>
        CSharpVerifier.AnalyzeAsync<RegistrationAnalyzer>(
            [$$"""
            using Microsoft.EntityFrameworkCore;
            using YieldDeps.EntityFrameworkCore;

            var builder = FunctionsApplication.CreateBuilder(args);
            builder.Services.AddDbContextFactory<ShopDb>(o => { });
            builder.UseYieldDependencies(deps => deps.Add(Clock.Now).Add(Stock.Read).Add(Stock.ReadThroughFactory).AddClass<Basket>().AddDbContextUnitOfWork<ShopDb>());
            builder.Build().Run();

            {{Functions}}
            """, Types.Replace("{|#0:db|}", "db").Replace("{|#1:db|}", "db")]);

    [Fact]
    public Task AContextAllowedWithoutAUnitOfWorkIsNotReported() =>
        CSharpVerifier.AnalyzeAsync<RegistrationAnalyzer>(
            [$$"""
            using Microsoft.EntityFrameworkCore;

            var builder = FunctionsApplication.CreateBuilder(args);
            builder.Services.AddDbContext<ShopDb>(o => { });
            builder.UseYieldDependencies(deps => deps.Add(Clock.Now).Add(Stock.Read).AddClass<Basket>().AllowDbContextWithoutUnitOfWork<ShopDb>());
            builder.Build().Run();

            {{Functions}}
            """, Types.Replace("{|#0:db|}", "db").Replace("{|#1:db|}", "db")]);

    [Fact]
    public Task NothingIsReportedWhenARegistrationGoesThroughCodeTheAnalyzerCannotFollow() =>
        CSharpVerifier.AnalyzeAsync<RegistrationAnalyzer>(
            [$$"""
            using Microsoft.EntityFrameworkCore;

            var builder = FunctionsApplication.CreateBuilder(args);
            builder.Services.AddDbContext<ShopDb>(o => { });
            builder.UseYieldDependencies(Elsewhere.Register);
            builder.Build().Run();

            {{Functions}}
            """, Types.Replace("{|#0:db|}", "db").Replace("{|#1:db|}", "db"), """
            public static class Elsewhere
            {
                public static Action<DependencyRegistry> Register { get; } = deps => deps.Add(Clock.Now);
            }
            """]);

    [Fact]
    public Task TheFixRegistersAUnitOfWorkForTheContextWithItsUsing() =>
        CSharpVerifier.FixAsync<RegistrationAnalyzer, AddUnitOfWorkCodeFix>(
            ["""
            using Microsoft.EntityFrameworkCore;

            var builder = FunctionsApplication.CreateBuilder(args);
            builder.Services.AddDbContext<ShopDb>(o => { });
            builder.UseYieldDependencies(deps => deps.Add(Clock.Now));
            builder.Build().Run();

            public static class Orders
            {
                [Function("Place")]
                public static void Place([QueueTrigger("orders")] string id, ShopDb {|YD0007:db|})
                {
                }
            }
            """, Types.Replace("{|#0:db|}", "db").Replace("{|#1:db|}", "db")],
            ["""
            using Microsoft.EntityFrameworkCore;
            using YieldDeps.EntityFrameworkCore;

            var builder = FunctionsApplication.CreateBuilder(args);
            builder.Services.AddDbContext<ShopDb>(o => { });
            builder.UseYieldDependencies(deps => deps.Add(Clock.Now).AddDbContextUnitOfWork<ShopDb>());
            builder.Build().Run();

            public static class Orders
            {
                [Function("Place")]
                public static void Place([QueueTrigger("orders")] string id, ShopDb db)
                {
                }
            }
            """, Types.Replace("{|#0:db|}", "db").Replace("{|#1:db|}", "db")]);

    private static Microsoft.CodeAnalysis.Testing.DiagnosticResult Expected(int location, string parameter, string site) =>
        new Microsoft.CodeAnalysis.Testing.DiagnosticResult(Descriptors.DbContextWithoutUnitOfWork).WithLocation(location).WithArguments(parameter, site, "ShopDb");
}
