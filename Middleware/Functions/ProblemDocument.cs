using System.Text.Encodings.Web;
using System.Text.Json;

namespace YieldDeps.Functions;

/// <summary>Writes an RFC 9457 problem details body.</summary>
internal static class ProblemDocument
{
    public const string ContentType = "application/problem+json; charset=utf-8";

    // The body is JSON served as JSON, never embedded in HTML, so quotes and apostrophes in a detail stay readable.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly JsonSerializerOptions SerializerOptions = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] Write(int status, string? title, string? detail, string? type, string invocationId, IDictionary<string, object?>? extensions)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("type", type ?? "about:blank");
            writer.WriteString("title", title ?? HttpStatusTitles.For(status));
            writer.WriteNumber("status", status);
            if (detail is not null)
            {
                writer.WriteString("detail", detail);
            }

            writer.WriteString("invocationId", invocationId);
            if (extensions is not null)
            {
                foreach (var (name, value) in extensions)
                {
                    writer.WritePropertyName(name);
                    JsonSerializer.Serialize(writer, value, value?.GetType() ?? typeof(object), SerializerOptions);
                }
            }

            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
