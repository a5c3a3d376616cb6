using System.Net;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.Extensions.Logging;

namespace PlainApp;

/// <summary>An HTTP function on the built-in model, and a queue function that fails on a bad message.</summary>
public sealed class Functions(IGreeter greeter, ILogger<Functions> logger)
{
    [Function("Hello")]
    public async Task<HttpResponseData> Hello(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "hello/{name}")] HttpRequestData request,
        string name)
    {
        logger.LogInformation("Greeting {Name}", name);
        var response = request.CreateResponse(HttpStatusCode.OK);
        await response.WriteStringAsync(greeter.Greet(name));
        return response;
    }

    [Function("Reverse")]
    public string Reverse([QueueTrigger("words")] string word)
    {
        if (word.Length == 0 || word == "bad")
        {
            throw new ArgumentException($"Cannot reverse '{word}'.");
        }

        return new string(word.Reverse().ToArray());
    }
}
