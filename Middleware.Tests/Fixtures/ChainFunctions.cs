using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;

namespace YieldDeps.Tests.Fixtures;

/// <summary>Functions that take the end of the chain, on a queue trigger and on an HTTP trigger.</summary>
public sealed class ChainFunctions(Journal journal, Faults faults)
{
    public string Queue([QueueTrigger("chain")] string message, C c)
    {
        journal.Add($"body {message} c-open={c.Open} b-open={c.B.Open} a-open={c.B.A.Open}");
        if (faults.BodyFails)
        {
            throw new BodyFailedException();
        }

        return "done";
    }

    public async Task<string> QueueAsync([QueueTrigger("chain")] string message, C c)
    {
        await Task.Yield();
        journal.Add($"body {message}");
        if (faults.BodyFails)
        {
            throw new BodyFailedException();
        }

        return "done";
    }

    public async Task<HttpResponseData> Http([HttpTrigger(AuthorizationLevel.Anonymous, "post")] HttpRequestData request, C c)
    {
        journal.Add("body http");
        if (faults.BodyFails)
        {
            throw new BodyFailedException();
        }

        var response = request.CreateResponse(System.Net.HttpStatusCode.Created);
        await response.WriteStringAsync("created");
        return response;
    }
}
