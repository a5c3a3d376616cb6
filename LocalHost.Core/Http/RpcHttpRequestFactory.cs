using System.Text.Json;
using Google.Protobuf;
using Microsoft.AspNetCore.Http.Extensions;
using YieldDeps.LocalHost.Invocations;
using YieldDeps.LocalHost.Rpc;

namespace YieldDeps.LocalHost.Http;

/// <summary>
/// Describes an incoming HTTP request the way the Functions host does for the worker: as
/// TypedData.http on the trigger binding, plus binding data (trigger metadata) from which the
/// worker binds route values and query values into method parameters by name.
/// </summary>
internal static class RpcHttpRequestFactory
{
    public static RpcHttp Create(HttpRequest request, IReadOnlyDictionary<string, string> routeValues, byte[]? body)
    {
        var http = new RpcHttp
        {
            Method = request.Method,
            Url = request.GetDisplayUrl(),
        };

        foreach (var (name, values) in request.Headers)
        {
            var value = values.ToString();
            http.Headers[name.ToLowerInvariant()] = value;
            http.NullableHeaders[name.ToLowerInvariant()] = new NullableString { Value = value };
        }

        foreach (var (name, values) in request.Query)
        {
            var value = values.ToString();
            http.Query[name] = value;
            http.NullableQuery[name] = new NullableString { Value = value };
        }

        foreach (var (name, value) in routeValues)
        {
            http.Params[name] = value;
            http.NullableParams[name] = new NullableString { Value = value };
        }

        if (body is not null)
        {
            http.Body = new TypedData { Bytes = ByteString.CopyFrom(body) };
        }

        return http;
    }

    /// <summary>
    /// Query values by name, then route values by name (route wins), plus Query and Headers as JSON,
    /// which is what the Functions host's HTTP trigger puts into binding data.
    /// </summary>
    public static void AddTriggerMetadata(
        IDictionary<string, TypedData> metadata,
        HttpRequest request,
        IReadOnlyDictionary<string, string> routeValues,
        string functionName)
    {
        var query = request.Query.ToDictionary(pair => pair.Key, pair => pair.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var headers = request.Headers.ToDictionary(pair => pair.Key, pair => pair.Value.ToString(), StringComparer.OrdinalIgnoreCase);

        foreach (var (name, value) in query)
        {
            metadata[name] = TypedDataFactory.String(value);
        }

        foreach (var (name, value) in routeValues)
        {
            metadata[name] = TypedDataFactory.String(value);
        }

        metadata["Query"] = new TypedData { Json = JsonSerializer.Serialize(query) };
        metadata["Headers"] = new TypedData { Json = JsonSerializer.Serialize(headers) };
        metadata["sys"] = TypedDataFactory.Sys(functionName);
    }
}
