using System.Globalization;
using System.Text.Json;
using YieldDeps.LocalHost.Rpc;

namespace YieldDeps.LocalHost.Invocations;

/// <summary>Small helpers for the TypedData values LocalHost sends.</summary>
internal static class TypedDataFactory
{
    public static TypedData String(string value) => new() { String = value };

    /// <summary>
    /// Numbers go as JSON: the worker rejects TypedData.int and .double in trigger metadata
    /// (NotSupportedException for the whole invocation), and binds JSON "1" to an int parameter.
    /// </summary>
    public static TypedData Number(long value) => new() { Json = value.ToString(CultureInfo.InvariantCulture) };

    public static TypedData Json<T>(T value) => new() { Json = JsonSerializer.Serialize(value) };

    /// <summary>Times go as JSON strings, the way the Functions host serializes DateTimeOffset binding data.</summary>
    public static TypedData Time(DateTimeOffset value) =>
        new() { Json = JsonSerializer.Serialize(value.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture)) };

    /// <summary>The <c>sys</c> binding data the Functions host adds to every invocation.</summary>
    public static TypedData Sys(string functionName) => Json(new
    {
        MethodName = functionName,
        UtcNow = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
        RandGuid = Guid.NewGuid().ToString(),
    });
}
