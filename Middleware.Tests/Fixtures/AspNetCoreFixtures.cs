using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace YieldDeps.Tests.Fixtures;

/// <summary>Functions written for the ASP.NET Core integration, run in-process with its real middleware.</summary>
public sealed class AspNetCoreNoteFunctions
{
    public async Task<IActionResult> Add(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "notes")] HttpRequest request,
        NotesSession session,
        Tenant tenant)
    {
        using var reader = new StreamReader(request.Body);
        var text = await reader.ReadToEndAsync();
        await session.AddAsync($"{tenant.Name}: {text}");
        if (text == "conflict")
        {
            // After the insert: the rollback must take it back.
            throw new HttpProblemException(409, "That note conflicts with another.");
        }

        return new CreatedResult("/api/notes/1", new { text, tenant = tenant.Name });
    }
}
