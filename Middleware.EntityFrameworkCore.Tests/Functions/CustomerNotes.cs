using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using YieldDeps.EntityFrameworkCore.Tests.Model;

namespace YieldDeps.EntityFrameworkCore.Tests.Functions;

/// <summary>A function class that receives the context through its constructor.</summary>
/// <param name="db">The context.</param>
public sealed class CustomerNotes(OrdersDb db)
{
    /// <summary>Adds the customer through the constructor's context and answers 201 without saving.</summary>
    /// <param name="req">The request.</param>
    /// <returns>201.</returns>
    [Function("NoteCustomer")]
    public IActionResult Note([HttpTrigger("post", Route = "reading/note")] HttpRequest req)
    {
        db.Customers.Add(new Customer { Email = req.Query["email"]! });
        return new StatusCodeResult(201);
    }
}
