using System.Text.Json;
using FunctionApp.Sample.Functions;
using Microsoft.AspNetCore.Http;
using YieldDeps;

namespace FunctionApp.Sample.Dependencies;

/// <summary>
/// The order in the request body, read and checked before the database session opens (functions ask for it before
/// the session), so a slow or malformed body never holds the database's write lock. Its 4xx problems say what is
/// wrong in the client's terms, without the parser's text or the model's type name.
/// </summary>
public static class OrderBody
{
    public const int MaxQuantity = 10_000;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<OrderRequest> Read(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentType is { Length: > 0 } contentType && !IsJson(contentType))
        {
            throw new HttpProblemException(415, "The body must be JSON: send it with Content-Type: application/json.");
        }

        OrderRequest? order;
        try
        {
            order = await JsonSerializer.DeserializeAsync<OrderRequest>(request.Body, Json, cancellationToken);
        }
        catch (JsonException e)
        {
            throw new HttpProblemException(400, e.Path is { Length: > 1 } path
                ? $"The body is not a valid order: the value at '{path}' has the wrong type or format."
                : "The body is not a valid order: it is not a JSON object.");
        }

        if (order is null)
        {
            throw new HttpProblemException(400, "The body is not a valid order: it is empty.");
        }

        Skus.Require(order.Sku, "order's 'sku'");
        if (order.Quantity is <= 0 or > MaxQuantity)
        {
            throw new HttpProblemException(400, $"The order's 'quantity' must be from 1 to {MaxQuantity}.");
        }

        return order;
    }

    private static bool IsJson(string contentType)
    {
        var mediaType = contentType.Split(';', 2)[0].Trim();
        return mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase);
    }
}
