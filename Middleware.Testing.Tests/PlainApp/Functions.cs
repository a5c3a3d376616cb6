using System.Net;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace PlainApp;

/// <summary>
/// HTTP functions on the built-in model; a queue function that splits a sentence into words on the "words" queue, and
/// one that reverses each word and fails on a bad one.
/// </summary>
public sealed class Functions(IGreeter greeter, IConfiguration configuration, ILogger<Functions> logger)
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

    /// <summary>An app setting as the app's configuration holds it; 404 when it has none.</summary>
    [Function("Setting")]
    public async Task<HttpResponseData> Setting(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "settings/{name}")] HttpRequestData request,
        string name)
    {
        if (configuration[name] is not { } value)
        {
            return request.CreateResponse(HttpStatusCode.NotFound);
        }

        var response = request.CreateResponse(HttpStatusCode.OK);
        await response.WriteStringAsync(value);
        return response;
    }

    /// <summary>Each word of the sentence becomes a message of its own; a sentence with "!" fails and enqueues nothing.</summary>
    [Function("Split")]
    [QueueOutput("words")]
    public string[] Split([QueueTrigger("sentences")] string sentence)
    {
        var words = sentence.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (sentence.Contains('!'))
        {
            throw new ArgumentException($"Will not split '{sentence}'.");
        }

        return words;
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
