using System.Reflection;
using Microsoft.Azure.Functions.Worker;

namespace YieldDeps.Functions;

/// <summary>
/// Reads and discards the rest of a request body the worker's server refused as too large (413), before the problem
/// is answered. The server refuses such a body without reading it and then closes the connection; the Functions host
/// forwards the body without waiting for a 100 Continue, so it is still sending when the connection closes, its send
/// fails, and it answers the client 500 instead of the 413. Drained first, the body is all in, the host's send
/// completes and the 413 reaches the client. Only bodies with a declared length the server refused before reading
/// any of it can be drained, and only up to <see cref="MaxDrainBytes"/>; past that the connection closes as before.
/// Reached by name, like <see cref="AspNetCoreHttpContext"/>, so the library takes no ASP.NET Core dependency.
/// </summary>
internal static class OversizedBodyDrain
{
    /// <summary>The most that is drained: the Functions host's own default request body limit (100 MB), the most it forwards.</summary>
    public const long MaxDrainBytes = 104_857_600;

    private const string SizeFeature = "Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature";

    /// <summary>Drains the request body when <paramref name="final"/> is the server's 413 and the body can still be read.</summary>
    public static async ValueTask DrainIfRefusedAsync(FunctionContext context, Exception final)
    {
        if (FrameworkStatus.Of(final) != 413 || AspNetCoreHttpContext.Of(context) is not { } httpContext)
        {
            return;
        }

        try
        {
            if (AspNetCoreHttpContext.RequestOf(httpContext) is not { } request
                || Property(request, "ContentLength") is not long length
                || length > MaxDrainBytes
                || !TryLiftLimit(httpContext)
                || Property(request, "Body") is not Stream body)
            {
                return;
            }

            var buffer = new byte[64 * 1024];
            var aborted = AspNetCoreHttpContext.RequestAborted(context);
            while (await body.ReadAsync(buffer, aborted).ConfigureAwait(false) > 0)
            {
                // The server stops at the declared length.
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or InvalidOperationException or TargetInvocationException)
        {
            // A client gone or a body the server will not let be read after all: the connection closes, as it would have.
        }
    }

    /// <summary>Lifts the per-request limit the server refused the body for; false when it can no longer be changed.</summary>
    private static bool TryLiftLimit(object httpContext)
    {
        if (Property(httpContext, "Features") is not IEnumerable<KeyValuePair<Type, object>> features)
        {
            return false;
        }

        foreach (var (type, feature) in features)
        {
            if (type.FullName == SizeFeature && feature is not null)
            {
                if (type.GetProperty("IsReadOnly")?.GetValue(feature) is not false || type.GetProperty("MaxRequestBodySize") is not { } limit)
                {
                    return false;
                }

                limit.SetValue(feature, null);
                return true;
            }
        }

        return false;
    }

    private static object? Property(object instance, string name) => instance.GetType().GetProperty(name)?.GetValue(instance);
}
