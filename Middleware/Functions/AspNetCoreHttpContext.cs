using System.Collections.Concurrent;
using System.Linq.Expressions;
using Microsoft.Azure.Functions.Worker;

namespace YieldDeps.Functions;

/// <summary>
/// The request's <c>HttpContext</c> under the ASP.NET Core integration, reached by name so that apps on the built-in
/// HTTP model take no ASP.NET Core dependency because of YieldDeps.
/// </summary>
internal static class AspNetCoreHttpContext
{
    /// <summary>The key under which the integration puts the request's HttpContext in <see cref="FunctionContext.Items"/>.</summary>
    private const string ItemKey = "HttpRequestContext";

    private static readonly ConcurrentDictionary<(Type Type, string Property), Func<object, object?>> Getters = new();

    public static object? Of(FunctionContext context) =>
        context.Items is { } items && items.TryGetValue(ItemKey, out var httpContext) ? httpContext : null;

    public static object? RequestOf(object httpContext) => Read(httpContext, "Request");

    /// <summary>
    /// Gets a value indicating whether the client went away (<c>HttpContext.RequestAborted</c> fired). Only while the
    /// request is alive: once the response is complete the HttpContext is finished.
    /// </summary>
    public static bool IsAborted(FunctionContext context) => RequestAborted(context).IsCancellationRequested;

    /// <summary>Gets <c>HttpContext.RequestAborted</c>, or <see cref="CancellationToken.None"/> outside the ASP.NET Core integration.</summary>
    public static CancellationToken RequestAborted(FunctionContext context) =>
        Of(context) is { } httpContext && Read(httpContext, "RequestAborted") is CancellationToken token ? token : CancellationToken.None;

    private static object? Read(object instance, string property) =>
        Getters.GetOrAdd((instance.GetType(), property), static key =>
        {
            var parameter = Expression.Parameter(typeof(object));
            var read = Expression.Property(Expression.Convert(parameter, key.Type), key.Property);
            return Expression.Lambda<Func<object, object?>>(Expression.Convert(read, typeof(object)), parameter).Compile();
        })(instance);
}
