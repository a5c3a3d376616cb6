using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;

namespace YieldDeps.Tests.Fixtures;

/// <summary>A session a streamed result reads from: it must still be open while the rows are written.</summary>
public sealed class StreamSession
{
    public bool Open { get; set; } = true;
}

/// <summary>Function-scoped and depending on the request-scoped session: allowed.</summary>
public sealed class Audit(StreamSession session)
{
    public StreamSession Session { get; } = session;
}

/// <summary>Request-scoped and depending on the function-scoped audit: rejected at startup.</summary>
public sealed class Cursor(Audit audit)
{
    public Audit Audit { get; } = audit;
}

/// <summary>Request-scoped, depending on the cursor: the violation is one step further down.</summary>
public sealed class Exporter(Cursor cursor)
{
    public Cursor Cursor { get; } = cursor;
}

public static class RequestScoped
{
    public static void Register(DependencyRegistry deps) => deps
        .Add(OpenSession, o => o.Scope = DependencyScope.Request)
        .Add(OutcomeProbe.Watch, o => o.Scope = DependencyScope.Request)
        .Add(EnterAudit);

    public static async IAsyncEnumerable<StreamSession> OpenSession(Journal journal, Faults faults, InvocationOutcome outcome)
    {
        await Task.Yield();
        var session = new StreamSession();
        journal.Add("open session");
        try
        {
            yield return session;
            if (faults.CommitFailsAt == "session")
            {
                throw new CommitFailedException("session");
            }

            journal.Add("commit session");
        }
        finally
        {
            session.Open = false;
            journal.Add($"close session ({outcome.Status})");
        }
    }

    public static IEnumerable<Audit> EnterAudit(StreamSession session, Journal journal)
    {
        journal.Add("enter audit");
        yield return new Audit(session);
        journal.Add($"exit audit, session open: {session.Open}");
    }

    public static Cursor OpenCursor(Audit audit) => new(audit);

    public static Exporter OpenExporter(Cursor cursor) => new(cursor);
}

/// <summary>
/// What a streamed result looks like to the middleware: the function returns it, and the ASP.NET Core integration
/// writes it to the response after the pipeline returned. It exposes a status as action results do.
/// </summary>
public sealed class StreamedRows(StreamSession session, Journal journal, Faults faults)
{
    public int StatusCode => 200;

    public async Task WriteAsync(CancellationToken requestAborted)
    {
        journal.Add($"write row 1, session open: {session.Open}");
        if (faults.WaitingForClient is { } waiting)
        {
            // Registered after the middleware's own callback on the token and before the wait's, so run between the
            // two: it holds the middleware's callback back until the invocation has ended, whichever thread ends it.
            requestAborted.Register(() => SpinWait.SpinUntil(() => journal.StartingWith("outcome").Count > 0, TimeSpan.FromSeconds(30)));

            // The stream waits for more rows, as a real one does, until the client hangs up.
            waiting.TrySetResult();
            await Task.Delay(Timeout.Infinite, requestAborted);
        }

        if (faults.BodyFails)
        {
            throw new BodyFailedException();
        }

        if (faults.CancelDuringBody is { } client)
        {
            // The client hangs up after the first row; the next write notices.
            client.Cancel();
            requestAborted.ThrowIfCancellationRequested();
        }

        journal.Add($"write row 2, session open: {session.Open}");
    }
}

public sealed class StreamFunctions(Journal journal, Faults faults)
{
    public StreamedRows Export([HttpTrigger(AuthorizationLevel.Anonymous, "get")] HttpRequestData request, Watched watched, StreamSession session, Audit audit)
    {
        journal.Add("body");
        return new StreamedRows(session, journal, faults);
    }

    public StreamedRows Rejects([HttpTrigger(AuthorizationLevel.Anonymous, "get")] HttpRequestData request, StreamSession session) =>
        throw new HttpProblemException(409, "The export is locked.");

    public void Queue([QueueTrigger("exports")] string message, StreamSession session) => journal.Add("body");
}

/// <summary>An HTTP function with a request-scoped dependency, scanned at startup.</summary>
public static class BuiltInExportFunctions
{
    [Function("BuiltInExport")]
    public static void Run([HttpTrigger(AuthorizationLevel.Anonymous, "get")] HttpRequestData request, StreamSession session)
    {
    }
}
