using System.Text.Json;
using Microsoft.AspNetCore.Http;
using YieldDeps;

namespace FunctionApp.Sample.EntityFrameworkCore.Functions;

/// <summary>
/// Reads a request body as JSON, answering what is wrong with it as a 4xx problem in the client's terms: 415 for a
/// body that is not sent as JSON, 400 for one that does not parse or is empty. Without it, the parser's exception
/// would be an unexpected failure: a 500.
/// </summary>
public static class JsonBody
{
    /// <summary>Reads the body as <typeparamref name="T"/>; <paramref name="what"/> names it in problems ("an order").</summary>
    public static async Task<T> ReadAsync<T>(HttpRequest request, string what)
        where T : class
    {
        if (request.ContentType is { Length: > 0 } contentType && !IsJson(contentType))
        {
            throw new HttpProblemException(415, "The body must be JSON: send it with Content-Type: application/json.");
        }

        T? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<T>(request.Body, JsonSerializerOptions.Web, request.HttpContext.RequestAborted);
        }
        catch (JsonException e)
        {
            throw new HttpProblemException(400, e.Path is { Length: > 1 } path
                ? $"The body is not {what}: the value at '{path}' is malformed or of the wrong type."
                : $"The body is not {what}: it is not a JSON object.");
        }

        return body ?? throw new HttpProblemException(400, $"The body is not {what}: it is empty.");
    }

    private static bool IsJson(string contentType)
    {
        var mediaType = contentType.Split(';', 2)[0].Trim();
        return mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase);
    }
}
