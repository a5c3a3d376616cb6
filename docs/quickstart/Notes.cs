using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

public static class Notes
{
    // A function asks for the dependency by type, no binding attribute needed.
    [Function("AddNote")]
    public static async Task<IActionResult> AddNote([HttpTrigger("post", Route = "notes")] HttpRequest req, Db db)
    {
        await using var insert = db.Connection.CreateCommand();
        insert.Transaction = db.Transaction;
        insert.CommandText = "INSERT INTO notes (text) VALUES ($text)";
        insert.Parameters.AddWithValue("$text", await new StreamReader(req.Body).ReadToEndAsync());
        await insert.ExecuteNonQueryAsync();
        return new StatusCodeResult(201);     // throw instead, and the insert is rolled back
    }
}
