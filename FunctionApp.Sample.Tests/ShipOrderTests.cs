using FunctionApp.Sample.Dependencies;
using FunctionApp.Sample.Functions;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using YieldDeps;
using YieldDeps.Testing;

namespace FunctionApp.Sample.Tests;

/// <summary>The queue-triggered ShipOrder, in-process, with the clock faked: the one outside thing the function reads.</summary>
public sealed class ShipOrderTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    private readonly Mock<TimeProvider> _clock = new();
    private TestDatabase _database = null!;
    private FunctionTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _clock.Setup(c => c.GetUtcNow()).Returns(Noon);
        _database = await TestDatabase.CreateAsync();
        _host = FunctionTestHost.Create(
            worker => worker.UseYieldDependencies(SampleApp.RegisterDependencies),
            services => services
                .AddSingleton(_database.Database)
                .AddSingleton(new ApiKeySettings("unused"))
                .AddSingleton(_clock.Object),
            httpModel: TestHttpModel.AspNetCore);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task AKnownOrder_IsMarkedShipped_AndTheShipmentIsLoggedWithTheClocksTime()
    {
        var id = _database.Scalar("INSERT INTO orders (sku, quantity) VALUES ('WIDGET-1', 1) RETURNING id");

        var result = await _host.InvokeAsync(typeof(ShipOrder).GetMethod(nameof(ShipOrder.Run))!, TriggerInput.Queue(id.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        result.EnsureSucceeded();
        Assert.Equal(1, _database.Scalar("SELECT shipped FROM orders WHERE id = $id", ("$id", id)));
        Assert.Equal(1, _database.Scalar("SELECT COUNT(*) FROM shipment_log WHERE order_id = $id AND logged_at = $at", ("$id", id), ("$at", Noon.ToString("O", System.Globalization.CultureInfo.InvariantCulture))));
        _clock.Verify(c => c.GetUtcNow(), Times.Once);
    }

    [Fact]
    public async Task AnUnknownOrder_FailsTheInvocationForTheHostToRetry_AndTheLogRowIsRolledBack()
    {
        var result = await _host.InvokeAsync(typeof(ShipOrder).GetMethod(nameof(ShipOrder.Run))!, TriggerInput.Queue("424242"));

        var error = Assert.IsType<InvalidOperationException>(result.Exception);
        Assert.Equal("Order 424242 does not exist.", error.Message);
        Assert.Equal(0, _database.Scalar("SELECT COUNT(*) FROM shipment_log"));
    }
}
