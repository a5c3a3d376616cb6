using System.Collections.Concurrent;
using System.Linq.Expressions;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using YieldDeps.Engine;

namespace YieldDeps.Functions;

/// <summary>
/// The isolated worker as the engine's host: services from the invocation scope, binding data from the trigger,
/// and the context values a dependency may ask for: <see cref="FunctionContext"/>, <see cref="HttpRequestData"/>,
/// and, with ASP.NET Core integration, <c>HttpContext</c> and <c>HttpRequest</c>.
/// </summary>
internal sealed class FunctionsInvocationHost : IInvocationHost
{
    // The ASP.NET Core integration puts the request's HttpContext in Items under this key. The types are matched by
    // name so that apps on the built-in HTTP model do not take an ASP.NET Core dependency because of YieldDeps.
    private const string HttpContextItemKey = "HttpRequestContext";
    private const string HttpContextTypeName = "Microsoft.AspNetCore.Http.HttpContext";
    private const string HttpRequestTypeName = "Microsoft.AspNetCore.Http.HttpRequest";

    private static readonly ConcurrentDictionary<Type, Func<object, object?>> RequestGetters = new();

    public IReadOnlyList<ContextValueSource> ContextSources { get; } =
    [
        new(t => t == typeof(FunctionContext), host => new((object?)host)),
        new(t => t == typeof(HttpRequestData), ReadHttpRequestDataAsync),
        new(t => IsOrDerivesFrom(t, HttpContextTypeName), host => new(HttpContextOf(host))),
        new(t => IsOrDerivesFrom(t, HttpRequestTypeName), host => new(HttpRequestOf(host))),
    ];

    public IServiceProvider GetServices(object host) => ((FunctionContext)host).InstanceServices;

    public bool TryGetBindingValue(object host, string name, out object? value)
    {
        var data = ((FunctionContext)host).BindingContext.BindingData;
        if (data.TryGetValue(name, out value))
        {
            return true;
        }

        foreach (var (key, candidate) in data)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                value = candidate;
                return true;
            }
        }

        return false;
    }

    private static async ValueTask<object?> ReadHttpRequestDataAsync(object host) =>
        await ((FunctionContext)host).GetHttpRequestDataAsync().ConfigureAwait(false);

    private static object? HttpContextOf(object host) =>
        ((FunctionContext)host).Items.TryGetValue(HttpContextItemKey, out var httpContext) ? httpContext : null;

    private static object? HttpRequestOf(object host)
    {
        if (HttpContextOf(host) is not { } httpContext)
        {
            return null;
        }

        var getter = RequestGetters.GetOrAdd(httpContext.GetType(), static type =>
        {
            var instance = Expression.Parameter(typeof(object));
            var request = Expression.Property(Expression.Convert(instance, type), "Request");
            return Expression.Lambda<Func<object, object?>>(Expression.Convert(request, typeof(object)), instance).Compile();
        });
        return getter(httpContext);
    }

    private static bool IsOrDerivesFrom(Type type, string fullName)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (current.FullName == fullName)
            {
                return true;
            }
        }

        return false;
    }
}
