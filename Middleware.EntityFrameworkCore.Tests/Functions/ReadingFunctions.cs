using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.EntityFrameworkCore;
using YieldDeps.EntityFrameworkCore.Tests.Model;

namespace YieldDeps.EntityFrameworkCore.Tests.Functions;

/// <summary>
/// HTTP functions that take the context, for apps that forget the unit of work or allow the context without one. The
/// e-mail comes from the query string (<c>?email=...</c>).
/// </summary>
public static class ReadingFunctions
{
    /// <summary>Reads only: counts the customers.</summary>
    [Function(nameof(CountCustomers))]
    public static async Task<IActionResult> CountCustomers([HttpTrigger("get", Route = "reading/count")] HttpRequest req, OrdersDb db) =>
        new OkObjectResult(await db.Customers.CountAsync());

    /// <summary>Adds the customer and answers 201 without saving: without a unit of work the write is lost.</summary>
    [Function(nameof(AddWithoutSaving))]
    public static IActionResult AddWithoutSaving([HttpTrigger("post", Route = "reading/add")] HttpRequest req, OrdersDb db)
    {
        db.Customers.Add(new Customer { Email = req.Query["email"]! });
        return new StatusCodeResult(201);
    }

    /// <summary>Adds the customer and saves it itself.</summary>
    [Function(nameof(AddAndSave))]
    public static async Task<IActionResult> AddAndSave([HttpTrigger("post", Route = "reading/add-and-save")] HttpRequest req, OrdersDb db)
    {
        db.Customers.Add(new Customer { Email = req.Query["email"]! });
        await db.SaveChangesAsync();
        return new StatusCodeResult(201);
    }
}
