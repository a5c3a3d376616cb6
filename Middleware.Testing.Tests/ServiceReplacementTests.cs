using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Moq;
using PlainApp;

namespace YieldDeps.Testing.Tests;

/// <summary>Services and settings of the app replaced before it runs, as with WebApplicationFactory.</summary>
public sealed class ServiceReplacementTests
{
    [Fact]
    public async Task AServiceReplacedWithAMock_IsTheOneTheFunctionUses()
    {
        var greeter = new Mock<IGreeter>();
        greeter.Setup(g => g.Greet("ada")).Returns("mocked ada");
        await using var factory = new PlainAppFactory()
            .WithWorkerHost(host => host.ConfigureServices(services => services.AddSingleton(greeter.Object)));
        using var client = factory.CreateClient();

        var body = await client.GetStringAsync("/api/hello/ada");

        Assert.Equal("mocked ada", body);
        greeter.Verify(g => g.Greet("ada"), Times.Once);
        Assert.Same(greeter.Object, factory.Services.GetRequiredService<IGreeter>());
    }

    [Fact]
    public async Task ASetting_ReachesTheAppsConfiguration()
    {
        await using var factory = new PlainAppFactory().WithSetting("Greeting", "Howdy");
        using var client = factory.CreateClient();

        Assert.Equal("Howdy, ada", await client.GetStringAsync("/api/hello/ada"));
    }

    [Fact]
    public async Task TwoFactories_RunSideBySide_EachWithItsOwnSettings()
    {
        await using var first = new PlainAppFactory().WithSetting("Greeting", "One");
        await using var second = new PlainAppFactory().WithSetting("Greeting", "Two");

        await Task.WhenAll(first.StartAsync(), second.StartAsync());
        using var firstClient = first.CreateClient();
        using var secondClient = second.CreateClient();

        Assert.Equal("One, ada", await firstClient.GetStringAsync("/api/hello/ada"));
        Assert.Equal("Two, ada", await secondClient.GetStringAsync("/api/hello/ada"));
    }
}
