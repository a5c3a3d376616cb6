using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using YieldDeps;

namespace ConsumerApp;

public static class Notes
{
    /// <summary>Inserts the note; a note that says "conflict" is refused after the insert, which rolls it back.</summary>
    [Function("AddNote")]
    public static async Task<IActionResult> Add([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "notes")] HttpRequest request, Session session)
    {
        var text = await new StreamReader(request.Body).ReadToEndAsync();
        await using var insert = session.Connection.CreateCommand();
        insert.Transaction = session.Transaction;
        insert.CommandText = "INSERT INTO notes (text) VALUES ($text)";
        insert.Parameters.AddWithValue("$text", text);
        await insert.ExecuteNonQueryAsync();
        if (text == "conflict")
        {
            throw new HttpProblemException(409, "That note conflicts with another.");
        }

        return new StatusCodeResult(201);
    }

    [Function("CountNotes")]
    public static async Task<IActionResult> Count([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "notes/count")] HttpRequest request, Session session)
    {
        await using var count = session.Connection.CreateCommand();
        count.Transaction = session.Transaction;
        count.CommandText = "SELECT COUNT(*) FROM notes";
        return new OkObjectResult(new { count = (long)(await count.ExecuteScalarAsync())! });
    }
}
