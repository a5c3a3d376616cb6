using System.Net.Sockets;

namespace YieldDeps.Testing.Tests;

/// <summary>Startup failures and disposal.</summary>
public sealed class LifetimeTests
{
    [Fact]
    public async Task AnAppThatFailsAtStartup_ThrowsNamingTheProblem()
    {
        await using var factory = new FunctionsApplicationFactory<PlainApp.Program>();

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => factory.StartAsync());

        Assert.Contains("PlainApp did not start", failure.Message);
        Assert.Contains("The RequiredSetting setting is missing.", failure.Message);
        Assert.IsType<InvalidOperationException>(failure.InnerException);
    }

    [Fact]
    public async Task Disposing_StopsTheAppAndFreesItsPort()
    {
        var factory = new PlainAppFactory();
        Uri address;
        using (var client = factory.CreateClient())
        {
            address = client.BaseAddress!;
            (await client.GetAsync("/api/hello/ada")).EnsureSuccessStatusCode();
        }

        await factory.DisposeAsync();

        using var socket = new TcpClient();
        await Assert.ThrowsAsync<SocketException>(() => socket.ConnectAsync(address.Host, address.Port));
        Assert.Throws<ObjectDisposedException>(() => factory.CreateClient());
    }
}
