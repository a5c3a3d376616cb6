using System.Globalization;
using System.Net;
using FunctionApp.Sample.Functions;
using FunctionApp.Sample.Shipping;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Moq;
using Xunit.Abstractions;
using YieldDeps.Testing;

namespace FunctionApp.Sample.Tests;

/// <summary>
/// Shipping, through the app's real Program.cs: the queue-triggered ShipOrder with the host's retries and poison
/// queue, and RequestShipment, whose queue output feeds it. The shipping notifier, the one outside service the app
/// calls, is a Moq mock, and so is the clock; the database is a real SQLite file.
/// </summary>
[Collection(SampleAppCollection.Name)]
public sealed class ShipOrderTests : IClassFixture<SampleAppFactory>
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    private readonly SampleAppFactory _factory;
    private readonly TestDatabase _database;
    private readonly Mock<IShippingNotifier> _notifier = new();
    private readonly Mock<TimeProvider> _clock = new();

    public ShipOrderTests(SampleAppFactory factory, ITestOutputHelper output)
    {
        _factory = factory;
        _factory.Output = output.WriteLine;
        _database = factory.Database;
        _clock.Setup(c => c.GetUtcNow()).Returns(Noon);
    }

    #region readme-factory-mock
    /// <summary>The app with the notifier and the clock replaced, as this test set them up.</summary>
    private FunctionsApplicationFactory<Program> App() =>
        _factory.WithWorkerHost(host => host.ConfigureServices(services => services
            .AddSingleton(_notifier.Object)
            .AddSingleton(_clock.Object)));
    #endregion

    private long NewOrder() => _database.Scalar("INSERT INTO orders (sku, quantity) VALUES ('WIDGET-1', 2) RETURNING id");

    private bool Shipped(long id) => _database.Scalar("SELECT shipped FROM orders WHERE id = $id", ("$id", id)) == 1;

    private long ShipmentLogRows(long id) => _database.Scalar("SELECT COUNT(*) FROM shipment_log WHERE order_id = $id", ("$id", id));

    [Fact]
    public async Task AKnownOrder_IsMarkedShipped_LoggedWithTheClocksTime_AndTheNotifierIsToldOnceWithTheOrder()
    {
        var id = NewOrder();
        await using var app = App();

        var result = await app.InvokeAsync("ShipOrder", id.ToString(CultureInfo.InvariantCulture));

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(1, result.Attempts);
        Assert.True(Shipped(id));
        Assert.Equal(1, _database.Scalar(
            "SELECT COUNT(*) FROM shipment_log WHERE order_id = $id AND logged_at = $at",
            ("$id", id), ("$at", Noon.ToString("O", CultureInfo.InvariantCulture))));
        _notifier.Verify(n => n.OrderShippedAsync(new Order(id, "WIDGET-1", 2, true), It.IsAny<CancellationToken>()), Times.Once);
        _notifier.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task AnUnknownOrder_FailsForTheHostToRetryThenPoison_TheLogRowIsRolledBack_AndNobodyIsNotified()
    {
        await using var app = App();

        var result = await app.InvokeAsync("ShipOrder", "424242");

        Assert.False(result.Succeeded);
        Assert.Equal(5, result.Attempts);
        Assert.Equal("orders-to-ship-poison", result.PoisonQueue);
        Assert.Contains("Order 424242 does not exist.", result.Error);
        Assert.Equal(0, ShipmentLogRows(424242));
        _notifier.VerifyNoOtherCalls();
    }

    #region readme-factory-mock-fails
    [Fact]
    public async Task WhenTheNotifierFails_TheInvocationFails_AndTheOrderIsNotShipped()
    {
        var id = NewOrder();
        _notifier.Setup(n => n.OrderShippedAsync(It.IsAny<Order>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new HttpRequestException("The carrier is down."));
        await using var app = App();

        var result = await app.InvokeAsync("ShipOrder", id.ToString(CultureInfo.InvariantCulture));

        Assert.False(result.Succeeded);
        Assert.Contains("The carrier is down.", result.Error);
        Assert.Equal("orders-to-ship-poison", result.PoisonQueue);
        Assert.False(Shipped(id));
        Assert.Equal(0, ShipmentLogRows(id));
        _notifier.Verify(n => n.OrderShippedAsync(It.Is<Order>(o => o.Id == id), It.IsAny<CancellationToken>()), Times.Exactly(result.Attempts));
    }
    #endregion

    [Fact]
    public async Task WhenTheNotifierFailsOnce_TheRetryShipsTheOrder_WithOneLogRow()
    {
        var id = NewOrder();
        _notifier.SetupSequence(n => n.OrderShippedAsync(It.IsAny<Order>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new HttpRequestException("The carrier is down."))
            .Returns(Task.CompletedTask);
        await using var app = App();

        var result = await app.InvokeAsync("ShipOrder", id.ToString(CultureInfo.InvariantCulture));

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(2, result.Attempts);
        Assert.True(Shipped(id));
        Assert.Equal(1, ShipmentLogRows(id));
        _notifier.Verify(n => n.OrderShippedAsync(It.Is<Order>(o => o.Id == id), It.IsAny<CancellationToken>()), Times.Exactly(2));
    }

    #region readme-factory-queue
    [Fact]
    public async Task RequestingAShipment_EnqueuesTheOrder_AndShipOrderShipsIt()
    {
        var id = NewOrder().ToString(CultureInfo.InvariantCulture);
        await using var app = App();
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Add("x-api-key", SampleAppFactory.ApiKey);

        using var response = await client.PostAsync($"/api/orders/{id}/ship", null);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var message = await app.WaitForQueueMessageAsync("orders-to-ship", message => message.Body == id);
        Assert.Equal("RequestShipment", message.EnqueuedBy);
        Assert.Equal("ShipOrder", message.ProcessedBy);
        var shipped = await message.Processed.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(shipped!.Succeeded, shipped.Error);
        Assert.True(Shipped(long.Parse(id, CultureInfo.InvariantCulture)));
        _notifier.Verify(n => n.OrderShippedAsync(It.Is<Order>(o => o.Id.ToString(CultureInfo.InvariantCulture) == id), It.IsAny<CancellationToken>()), Times.Once);
    }
    #endregion

    [Fact]
    public async Task RequestingTheShipmentOfAnUnknownOrder_Is404_AndEnqueuesNothing()
    {
        await using var app = App();
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Add("x-api-key", SampleAppFactory.ApiKey);

        using var response = await client.PostAsync("/api/orders/777777/ship", null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Empty(app.GetQueueMessages("orders-to-ship"));
        _notifier.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task WaitingOnAQueueNoFunctionWritesTo_SaysWhichQueuesTheyWriteTo()
    {
        await using var app = App();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => app.WaitForQueueMessageAsync("orders"));

        Assert.Contains("orders-to-ship", error.Message, StringComparison.Ordinal);
    }
}
