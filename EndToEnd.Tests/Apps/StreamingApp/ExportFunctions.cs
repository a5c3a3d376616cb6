using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using ProbeShared;

namespace StreamingApp;

public static class ExportFunctions
{
    /// <summary>Records the export in the session's transaction, then streams the items from the same session.</summary>
    [Function("Export")]
    public static async Task<IResult> Export(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "export/{tag}")] HttpRequest request,
        string tag,
        ExportSession session,
        RequestStamp stamp,
        ExportGates gates,
        ProbeEvents events)
    {
        await using var insert = session.Command("INSERT INTO exports (tag) VALUES ($tag)", ("$tag", tag));
        await insert.ExecuteNonQueryAsync();
        return new RowStream(session, stamp, gates, events, tag);
    }

    /// <summary>Lets the export of <paramref name="tag"/> go on past its first row.</summary>
    [Function("OpenGate")]
    public static IActionResult OpenGate(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "gate/{tag}")] HttpRequest request,
        string tag,
        ExportGates gates)
    {
        gates.Open(tag);
        return new NoContentResult();
    }
}
