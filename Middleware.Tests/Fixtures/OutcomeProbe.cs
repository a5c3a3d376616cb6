using System.Net;
using System.Web;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;

namespace YieldDeps.Tests.Fixtures;

public sealed class Watched;

public sealed class StrictResource;

/// <summary>Dependencies that journal what the outcome said when they were torn down.</summary>
public static class OutcomeProbe
{
    public static async IAsyncEnumerable<Watched> Watch(Journal journal, InvocationOutcome outcome)
    {
        await Task.Yield();
        try
        {
            yield return new Watched();
        }
        finally
        {
            var status = outcome.HttpStatus is { } code ? $" {code}" : string.Empty;
            journal.Add($"outcome {outcome.Status} {outcome.Exception?.GetType().Name ?? "-"}{status}");
        }
    }

    public static IEnumerable<StrictResource> Strict(Journal journal)
    {
        var resumed = false;
        try
        {
            yield return new StrictResource();
            resumed = true;
            journal.Add("strict resumed");
        }
        finally
        {
            if (!resumed)
            {
                journal.Add("strict disposed");
            }
        }
    }
}

public sealed class OutcomeFunctions(Faults faults)
{
    public string Run([QueueTrigger("outcome")] string message, Watched watched)
    {
        if (faults.BodyFails)
        {
            throw new BodyFailedException();
        }

        faults.CancelDuringBody?.Cancel();
        return message;
    }

    public Task<HttpResponseData> Status([HttpTrigger(AuthorizationLevel.Anonymous, "get")] HttpRequestData request, Watched watched) =>
        Respond(request);

    public Task<HttpResponseData> StrictStatus([HttpTrigger(AuthorizationLevel.Anonymous, "get")] HttpRequestData request, Watched watched, StrictResource strict) =>
        Respond(request);

    private static async Task<HttpResponseData> Respond(HttpRequestData request)
    {
        var code = int.Parse(HttpUtility.ParseQueryString(request.Url.Query)["code"]!, System.Globalization.CultureInfo.InvariantCulture);
        var response = request.CreateResponse((HttpStatusCode)code);
        await response.WriteStringAsync("status body");
        return response;
    }
}
