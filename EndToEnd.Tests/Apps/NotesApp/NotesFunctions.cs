using System.Net;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using YieldDeps;

namespace NotesApp;

public static class NotesFunctions
{
    /// <summary>Adds a note; a note reading "conflict" is inserted and then refused with 409, so the insert rolls back.</summary>
    [Function("AddNote")]
    public static async Task<HttpResponseData> Add(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "notes")] HttpRequestData request,
        NotesSession session,
        CancellationToken cancellationToken)
    {
        var text = (await request.ReadAsStringAsync())?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            throw new HttpProblemException(400, "A note needs text.");
        }

        var id = await session.AddAsync(text, cancellationToken);
        if (text == "conflict")
        {
            throw new HttpProblemException(409, $"Note {id} conflicts with itself.");
        }

        var response = request.CreateResponse(HttpStatusCode.Created);
        await response.WriteAsJsonAsync(new { id, text }, cancellationToken);
        response.StatusCode = HttpStatusCode.Created;
        return response;
    }

    [Function("ListNotes")]
    public static async Task<HttpResponseData> List(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "notes")] HttpRequestData request,
        NotesSession session,
        CancellationToken cancellationToken)
    {
        var response = request.CreateResponse(HttpStatusCode.OK);
        await response.WriteAsJsonAsync(await session.AllAsync(cancellationToken), cancellationToken);
        return response;
    }
}
