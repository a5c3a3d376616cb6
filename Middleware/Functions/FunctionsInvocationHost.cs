using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Converters;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.Extensions.Options;
using YieldDeps.Engine;

namespace YieldDeps.Functions;

/// <summary>
/// The isolated worker as the engine's host: services from the invocation scope, binding data from the trigger,
/// and the context values a dependency may ask for: <see cref="FunctionContext"/>, <see cref="HttpRequestData"/>,
/// and, with ASP.NET Core integration, <c>HttpContext</c> and <c>HttpRequest</c>.
/// </summary>
internal sealed class FunctionsInvocationHost(IOptions<WorkerOptions> workerOptions) : IInvocationHost
{
    // The base of every trigger and input binding attribute; it lives in the extensions' abstractions package.
    private const string BindingAttributeTypeName = "Microsoft.Azure.Functions.Worker.Extensions.Abstractions.BindingAttribute";

    public IReadOnlyList<ContextValueSource> ContextSources { get; } =
    [
        new(t => t == typeof(FunctionContext), host => new((object?)host)),
        new(t => t == typeof(HttpRequestData), ReadHttpRequestDataAsync),
        new(HttpRequestTypes.IsHttpContext, host => new(HttpContextOf(host))),
        new(HttpRequestTypes.IsHttpRequest, host => new(HttpRequestOf(host))),
    ];

    public IServiceProvider GetServices(object host) => ((FunctionContext)host).InstanceServices;

    /// <summary>
    /// A binding attribute (triggers, inputs: <c>[HttpTrigger]</c>, <c>[BlobInput]</c>, ...) or a converter attribute
    /// (<c>[FromBody]</c>, <c>[InputConverter]</c>) on the parameter, or a converter attribute on its type: the worker binds it.
    /// </summary>
    public bool Binds(ParameterInfo parameter) =>
        parameter.GetCustomAttributes(inherit: true).Any(a => a is InputConverterAttribute || IsOrDerivesFrom(a.GetType(), BindingAttributeTypeName))
        || parameter.ParameterType.IsDefined(typeof(InputConverterAttribute), inherit: true)
        || AppConverters.Any(c => c.TargetTypes.Length == 0 || c.TargetTypes.Any(t => t.IsAssignableFrom(parameter.ParameterType)));

    /// <summary>
    /// The app's own global input converters. One that names its target types (<see cref="SupportedTargetTypeAttribute"/>)
    /// binds those; one that names none may bind anything, so no parameter is reported as unsupplied while it is there.
    /// </summary>
    private (Type Converter, Type[] TargetTypes)[] AppConverters => field ??= workerOptions.Value.InputConverters
        .Where(c => c != typeof(DependencyInputConverter) && c.Namespace?.StartsWith("Microsoft.Azure.Functions.Worker", StringComparison.Ordinal) != true)
        .Select(c => (c, c.GetCustomAttributes<SupportedTargetTypeAttribute>(inherit: true).Select(a => a.TargetType).ToArray()))
        .ToArray();

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

    public async ValueTask<string?> ReadHeaderAsync(object host, string name)
    {
        // Both HTTP models serve HttpRequestData (the ASP.NET Core integration wraps its HttpRequest in one).
        var request = await ((FunctionContext)host).GetHttpRequestDataAsync().ConfigureAwait(false);
        return request is not null && request.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;
    }

    private static async ValueTask<object?> ReadHttpRequestDataAsync(object host) =>
        await ((FunctionContext)host).GetHttpRequestDataAsync().ConfigureAwait(false);

    private static object? HttpContextOf(object host) => AspNetCoreHttpContext.Of((FunctionContext)host);

    private static object? HttpRequestOf(object host) =>
        HttpContextOf(host) is { } httpContext ? AspNetCoreHttpContext.RequestOf(httpContext) : null;

    internal static bool IsOrDerivesFrom(Type type, string fullName)
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
