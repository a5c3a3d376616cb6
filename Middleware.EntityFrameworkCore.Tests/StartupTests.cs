using YieldDeps.EntityFrameworkCore.Tests.Infrastructure;

namespace YieldDeps.EntityFrameworkCore.Tests;

/// <summary>A unit of work whose context the app did not register fails host startup, naming the context.</summary>
public sealed class StartupTests
{
    [Fact]
    public async Task AContextRegisteredNeitherWayFailsStartupNamingIt()
    {
        await using var host = UnitOfWorkHost.Create(database: null, new Probe(), ContextRegistration.None);

        var failure = await Assert.ThrowsAsync<DependencyRegistrationException>(() => host.StartAsync());

        Assert.Contains("YieldDeps.EntityFrameworkCore.Tests.Model.OrdersDb", failure.Message, StringComparison.Ordinal);
        Assert.Contains("AddDbContext<OrdersDb>", failure.Message, StringComparison.Ordinal);
        Assert.Contains("AddDbContextFactory<OrdersDb>", failure.Message, StringComparison.Ordinal);
    }
}
