using System.Text.Json;
using FunctionApp.Sample.Data;
using Microsoft.AspNetCore.Mvc;

namespace FunctionApp.Sample.Functions;

/// <summary>
/// The export's result: executed after the function returned, it reads the orders from the request's connection
/// while it writes them, one JSON line each (<c>application/x-ndjson</c>), each sent at once.
/// </summary>
public sealed class OrderRows(StreamConnection connection, long exportId) : IActionResult
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly byte[] NewLine = "\n"u8.ToArray();

    public async Task ExecuteResultAsync(ActionContext context)
    {
        var response = context.HttpContext.Response;
        var aborted = context.HttpContext.RequestAborted;
        response.ContentType = "application/x-ndjson";
        response.Headers["X-Export-Id"] = exportId.ToString(System.Globalization.CultureInfo.InvariantCulture);

        await using var select = connection.Command("SELECT id, sku, quantity, shipped FROM orders ORDER BY id");
        await using var reader = await select.ExecuteReaderAsync(aborted);
        while (await reader.ReadAsync(aborted))
        {
            var order = new Order(reader.GetInt64(0), reader.GetString(1), reader.GetInt32(2), reader.GetBoolean(3));
            await JsonSerializer.SerializeAsync(response.Body, order, Json, aborted);
            await response.Body.WriteAsync(NewLine, aborted);
            await response.Body.FlushAsync(aborted);
            connection.RowWritten();
        }
    }
}
