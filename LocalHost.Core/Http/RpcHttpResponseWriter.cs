using System.Globalization;
using System.Text;
using YieldDeps.LocalHost.Rpc;

namespace YieldDeps.LocalHost.Http;

/// <summary>Writes the worker's answer for the built-in HTTP model (RpcHttp) to the real HTTP response.</summary>
internal static class RpcHttpResponseWriter
{
    private static readonly HashSet<string> SkippedHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Content-Length", "Transfer-Encoding", "Connection", "Keep-Alive", "Upgrade",
    };

    /// <summary>Finds the HTTP response among the return value and the output bindings.</summary>
    public static TypedData? FindResponse(InvocationResponse response, string? httpOutputName)
    {
        if (httpOutputName is not null && httpOutputName != Functions.FunctionDescriptor.ReturnBindingName)
        {
            var named = response.OutputData.FirstOrDefault(binding => string.Equals(binding.Name, httpOutputName, StringComparison.OrdinalIgnoreCase));
            if (named?.Data is { DataCase: not TypedData.DataOneofCase.None } data)
            {
                return data;
            }
        }

        if (response.ReturnValue is { DataCase: not TypedData.DataOneofCase.None } returned)
        {
            return returned;
        }

        return response.OutputData.FirstOrDefault(binding => binding.Data?.DataCase == TypedData.DataOneofCase.Http)?.Data;
    }

    public static async Task WriteAsync(HttpResponse target, TypedData? result, CancellationToken cancellationToken)
    {
        if (result is null)
        {
            target.StatusCode = StatusCodes.Status204NoContent;
            return;
        }

        if (result.DataCase != TypedData.DataOneofCase.Http)
        {
            // A plain value returned from an HTTP function becomes a 200 with that value as the body.
            target.StatusCode = StatusCodes.Status200OK;
            await WriteBodyAsync(target, result, cancellationToken);
            return;
        }

        var http = result.Http;
        target.StatusCode = int.TryParse(http.StatusCode, NumberStyles.Integer, CultureInfo.InvariantCulture, out var status)
            ? status
            : StatusCodes.Status200OK;

        foreach (var (name, value) in http.Headers)
        {
            if (!SkippedHeaders.Contains(name))
            {
                target.Headers[name] = value;
            }
        }

        foreach (var cookie in http.Cookies)
        {
            target.Cookies.Append(cookie.Name, cookie.Value, ToOptions(cookie));
        }

        if (http.Body is not null)
        {
            await WriteBodyAsync(target, http.Body, cancellationToken);
        }
    }

    private static async Task WriteBodyAsync(HttpResponse target, TypedData body, CancellationToken cancellationToken)
    {
        byte[]? bytes;
        string? defaultContentType = null;
        switch (body.DataCase)
        {
            case TypedData.DataOneofCase.Bytes:
                bytes = body.Bytes.ToByteArray();
                break;
            case TypedData.DataOneofCase.Stream:
                bytes = body.Stream.ToByteArray();
                break;
            case TypedData.DataOneofCase.String:
                bytes = Encoding.UTF8.GetBytes(body.String);
                defaultContentType = "text/plain; charset=utf-8";
                break;
            case TypedData.DataOneofCase.Json:
                bytes = Encoding.UTF8.GetBytes(body.Json);
                defaultContentType = "application/json; charset=utf-8";
                break;
            case TypedData.DataOneofCase.Int:
                bytes = Encoding.UTF8.GetBytes(body.Int.ToString(CultureInfo.InvariantCulture));
                defaultContentType = "text/plain; charset=utf-8";
                break;
            case TypedData.DataOneofCase.Double:
                bytes = Encoding.UTF8.GetBytes(body.Double.ToString(CultureInfo.InvariantCulture));
                defaultContentType = "text/plain; charset=utf-8";
                break;
            default:
                bytes = null;
                break;
        }

        if (bytes is null || bytes.Length == 0 || target.StatusCode is 204 or 304)
        {
            return;
        }

        if (string.IsNullOrEmpty(target.ContentType) && defaultContentType is not null)
        {
            target.ContentType = defaultContentType;
        }

        target.ContentLength = bytes.Length;
        await target.Body.WriteAsync(bytes, cancellationToken);
    }

    private static CookieOptions ToOptions(RpcHttpCookie cookie)
    {
        var options = new CookieOptions
        {
            Domain = cookie.Domain?.Value,
            Path = cookie.Path?.Value,
            Secure = cookie.Secure?.Value ?? false,
            HttpOnly = cookie.HttpOnly?.Value ?? false,
            SameSite = cookie.SameSite switch
            {
                RpcHttpCookie.Types.SameSite.Lax => SameSiteMode.Lax,
                RpcHttpCookie.Types.SameSite.Strict => SameSiteMode.Strict,
                RpcHttpCookie.Types.SameSite.ExplicitNone => SameSiteMode.None,
                _ => SameSiteMode.Unspecified,
            },
        };

        if (cookie.Expires?.Value is { } expires)
        {
            options.Expires = expires.ToDateTimeOffset();
        }

        if (cookie.MaxAge?.Value is { } maxAge)
        {
            options.MaxAge = TimeSpan.FromSeconds(maxAge);
        }

        return options;
    }
}
