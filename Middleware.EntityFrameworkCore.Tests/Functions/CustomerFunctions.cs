using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using YieldDeps.EntityFrameworkCore.Tests.Infrastructure;
using YieldDeps.EntityFrameworkCore.Tests.Model;

namespace YieldDeps.EntityFrameworkCore.Tests.Functions;

/// <summary>
/// HTTP functions that take the unit of work's context and end in every way a unit of work must handle. The e-mail
/// comes from the query string (<c>?email=...</c>).
/// </summary>
public static class CustomerFunctions
{
    /// <summary>Adds the customer without saving: the unit of work saves and commits.</summary>
    [Function(nameof(Add))]
    public static IActionResult Add([HttpTrigger("post", Route = "customers/add")] HttpRequest req, OrdersDb db, FunctionContext function, Probe probe)
    {
        probe.Saw(db, ReferenceEquals(function.InstanceServices.GetService<OrdersDb>(), db));
        db.Customers.Add(new Customer { Email = req.Query["email"]! });
        return new StatusCodeResult(201);
    }

    /// <summary>Counts the customers (a query inside the transaction), then adds and saves one itself.</summary>
    [Function(nameof(CountThenSave))]
    public static async Task<IActionResult> CountThenSave([HttpTrigger("post", Route = "customers/count-then-save")] HttpRequest req, OrdersDb db, Probe probe)
    {
        probe.Saw(db, sameAsScope: false);
        var before = await db.Customers.CountAsync();
        db.Customers.Add(new Customer { Email = req.Query["email"]! });
        await db.SaveChangesAsync();
        return new OkObjectResult(before);
    }

    /// <summary>Saves the customer, then throws.</summary>
    [Function(nameof(SaveThenThrow))]
    public static async Task<IActionResult> SaveThenThrow([HttpTrigger("post", Route = "customers/save-then-throw")] HttpRequest req, OrdersDb db)
    {
        db.Customers.Add(new Customer { Email = req.Query["email"]! });
        await db.SaveChangesAsync();
        throw new InvalidOperationException("The body failed after saving.");
    }

    /// <summary>Saves the customer, then waits until the invocation is cancelled.</summary>
    [Function(nameof(SaveThenWait))]
    public static async Task<IActionResult> SaveThenWait([HttpTrigger("post", Route = "customers/save-then-wait")] HttpRequest req, OrdersDb db, Probe probe, CancellationToken cancellationToken)
    {
        db.Customers.Add(new Customer { Email = req.Query["email"]! });
        await db.SaveChangesAsync(cancellationToken);
        probe.Waiting.TrySetResult();
        await Task.Delay(Timeout.Infinite, cancellationToken);
        return new StatusCodeResult(201);
    }

    /// <summary>Saves the customer, then answers the status of the query's <c>status</c>.</summary>
    [Function(nameof(SaveThenAnswer))]
    public static async Task<IActionResult> SaveThenAnswer([HttpTrigger("post", Route = "customers/save-then-answer")] HttpRequest req, OrdersDb db)
    {
        db.Customers.Add(new Customer { Email = req.Query["email"]! });
        await db.SaveChangesAsync();
        return new StatusCodeResult(int.Parse(req.Query["status"]!, System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Saves the customer, then saves one whose e-mail is taken, and lets the failure escape.</summary>
    [Function(nameof(SaveThenDuplicate))]
    public static async Task<IActionResult> SaveThenDuplicate([HttpTrigger("post", Route = "customers/save-then-duplicate")] HttpRequest req, OrdersDb db)
    {
        db.Customers.Add(new Customer { Email = req.Query["email"]! });
        await db.SaveChangesAsync();
        db.Customers.Add(new Customer { Email = TestDatabase.Taken });
        await db.SaveChangesAsync();
        return new StatusCodeResult(201);
    }

    /// <summary>Saves the customer, then saves a duplicate, catches the failure and answers 200 as if all went well.</summary>
    [Function(nameof(SaveThenCatchDuplicate))]
    public static async Task<IActionResult> SaveThenCatchDuplicate([HttpTrigger("post", Route = "customers/save-then-catch-duplicate")] HttpRequest req, OrdersDb db)
    {
        db.Customers.Add(new Customer { Email = req.Query["email"]! });
        await db.SaveChangesAsync();
        var duplicate = db.Customers.Add(new Customer { Email = TestDatabase.Taken });
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            duplicate.State = EntityState.Detached;
        }

        return new StatusCodeResult(200);
    }

    /// <summary>Saves the customer, then commits the unit of work's transaction itself.</summary>
    [Function(nameof(SaveThenCommit))]
    public static async Task<IActionResult> SaveThenCommit([HttpTrigger("post", Route = "customers/save-then-commit")] HttpRequest req, OrdersDb db)
    {
        db.Customers.Add(new Customer { Email = req.Query["email"]! });
        await db.SaveChangesAsync();
        await db.Database.CommitTransactionAsync();
        return new StatusCodeResult(201);
    }

    /// <summary>Answers the isolation level of the transaction, as PostgreSQL reports it.</summary>
    [Function(nameof(Isolation))]
    public static async Task<IActionResult> Isolation([HttpTrigger("get", Route = "customers/isolation")] HttpRequest req, OrdersDb db) =>
        new OkObjectResult(await db.Database.SqlQueryRaw<string>("SELECT current_setting('transaction_isolation') AS \"Value\"").SingleAsync());
}
