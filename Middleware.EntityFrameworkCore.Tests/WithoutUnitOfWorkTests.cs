using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using YieldDeps.EntityFrameworkCore.Tests.Functions;
using YieldDeps.EntityFrameworkCore.Tests.Infrastructure;
using YieldDeps.EntityFrameworkCore.Tests.Model;
using YieldDeps.Testing;

namespace YieldDeps.EntityFrameworkCore.Tests;

/// <summary>
/// A context that reaches a function without a unit of work never loses writes silently: startup fails naming the
/// function, the parameter and the line to add; an app that allows the context for reading runs without noise, and an
/// invocation that still has unsaved changes at its end is logged as a warning.
/// </summary>
public sealed class WithoutUnitOfWorkTests : IAsyncLifetime
{
    private const int UnsavedChangesEvent = 13;

    private readonly LogCapture _logs = new();
    private SqliteTestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await SqliteTestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task ForgettingTheUnitOfWorkFailsStartupNamingTheFunctionTheParameterAndTheLineToAdd()
    {
        await using var host = Host(_ => { });

        var failure = await Assert.ThrowsAsync<DependencyRegistrationException>(() => host.StartAsync());

        var problem = Assert.Single(failure.Problems, p => p.StartsWith($"Function '{nameof(ReadingFunctions.AddWithoutSaving)}'", StringComparison.Ordinal));
        Assert.Contains("parameter 'db' of method ReadingFunctions.AddWithoutSaving has type OrdersDb", problem, StringComparison.Ordinal);
        Assert.Contains("deps.AddDbContextUnitOfWork<OrdersDb>();", problem, StringComparison.Ordinal);
        Assert.Contains("deps.AllowDbContextWithoutUnitOfWork<OrdersDb>();", problem, StringComparison.Ordinal);
        Assert.Contains(failure.Problems, p => p.StartsWith("Function 'NoteCustomer': parameter 'db' of the constructor of CustomerNotes has type OrdersDb", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ADependencyThatTakesTheContextWithoutAUnitOfWorkFailsStartupNamingIt()
    {
        await using var host = Host(deps => deps.Add(CustomerCounter.Open));

        var failure = await Assert.ThrowsAsync<DependencyRegistrationException>(() => host.StartAsync());

        Assert.Contains(failure.Problems, p => p.Contains("CustomerCounter.Open", StringComparison.Ordinal) && p.Contains("parameter 'db'", StringComparison.Ordinal)
            && p.Contains("deps.AddDbContextUnitOfWork<OrdersDb>();", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WithTheUnitOfWorkTheSameFunctionsStartAndTheirWritesAreCommitted()
    {
        await using var host = Host(deps => deps.AddDbContextUnitOfWork<OrdersDb>());

        var added = await PostAsync(host, nameof(ReadingFunctions.AddWithoutSaving), "ada@example.com");

        Assert.Equal(HttpStatusCode.Created, added.HttpResponse!.StatusCode);
        Assert.True(await _database.HasAsync("ada@example.com"));
        Assert.DoesNotContain(_logs.Entries, e => e.EventId.Id == UnsavedChangesEvent);
    }

    [Fact]
    public async Task AllowingTheContextWithoutAUnitOfWorkLetsAReadingFunctionRunWithoutALog()
    {
        await using var host = Host(deps => deps.AllowDbContextWithoutUnitOfWork<OrdersDb>());

        var counted = await host.InvokeAsync(
            typeof(ReadingFunctions).GetMethod(nameof(ReadingFunctions.CountCustomers))!,
            TriggerInput.Http("GET", "http://localhost/api/reading/count"));
        var saved = await PostAsync(host, nameof(ReadingFunctions.AddAndSave), "grace@example.com");

        Assert.Equal(HttpStatusCode.OK, counted.HttpResponse!.StatusCode);
        Assert.Equal("1", counted.HttpResponse.Body);
        Assert.Equal(HttpStatusCode.Created, saved.HttpResponse!.StatusCode);
        Assert.True(await _database.HasAsync("grace@example.com"));
        Assert.DoesNotContain(_logs.Entries, e => e.Level >= LogLevel.Warning);
    }

    [Fact]
    public async Task UnsavedChangesAtTheEndOfTheInvocationAreAWarningNamingTheContextAndTheFunction()
    {
        await using var host = Host(deps => deps.AllowDbContextWithoutUnitOfWork<OrdersDb>());

        var added = await PostAsync(host, nameof(ReadingFunctions.AddWithoutSaving), "alan@example.com");
        var noted = await host.InvokeAsync(
            typeof(CustomerNotes).GetMethod(nameof(CustomerNotes.Note))!,
            TriggerInput.Http("POST", "http://localhost/api/reading/note?email=edsger%40example.com"));

        Assert.Equal(HttpStatusCode.Created, added.HttpResponse!.StatusCode);
        Assert.Equal(HttpStatusCode.Created, noted.HttpResponse!.StatusCode);
        Assert.False(await _database.HasAsync("alan@example.com"));
        var warnings = _logs.Entries.Where(e => e.EventId.Id == UnsavedChangesEvent).ToList();
        Assert.Equal(2, warnings.Count);
        Assert.All(warnings, w =>
        {
            Assert.Equal(LogLevel.Warning, w.Level);
            Assert.Equal("UnsavedChanges", w.EventId.Name);
            Assert.Contains("context OrdersDb", w.Message, StringComparison.Ordinal);
        });
        Assert.Contains($"Function '{nameof(ReadingFunctions.AddWithoutSaving)}'", warnings[0].Message, StringComparison.Ordinal);
        Assert.Contains("Function 'NoteCustomer'", warnings[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AllowingATypeThatIsNotAContextIsRefusedNamingIt()
    {
        var failure = Assert.Throws<DependencyRegistrationException>(() => new DependencyRegistry().AllowDbContextWithoutUnitOfWork<Customer>());

        Assert.Contains("YieldDeps.EntityFrameworkCore.Tests.Model.Customer is not an EF Core context", failure.Message, StringComparison.Ordinal);
    }

    private static Task<FunctionTestResult> PostAsync(FunctionTestHost host, string function, string email) =>
        host.InvokeAsync(
            typeof(ReadingFunctions).GetMethod(function)!,
            TriggerInput.Http("POST", $"http://localhost/api/reading?email={Uri.EscapeDataString(email)}"));

    private FunctionTestHost Host(Action<DependencyRegistry> register) =>
        FunctionTestHost.Create(
            worker => worker.UseYieldDependencies(register),
            services => services
                .AddSingleton(new Probe())
                .AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(_logs)
                .AddDbContext<OrdersDb>(o => _database.Configure(o)),
            httpModel: TestHttpModel.AspNetCore);

    /// <summary>A dependency that counts the customers through the context it takes as a service.</summary>
    public sealed record CustomerCounter(int Count)
    {
        public static async Task<CustomerCounter> Open(OrdersDb db) => new(await db.Customers.CountAsync());
    }
}
