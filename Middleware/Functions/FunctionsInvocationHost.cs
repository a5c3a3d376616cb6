using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Converters;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.Extensions.Options;
using YieldDeps.Engine;

namespace YieldDeps.Functions;

/// <summary>
/// The isolated worker as the engine's host when plans are built: the parameters the worker binds, and the context
/// values a dependency may ask for: <see cref="FunctionContext"/>, <see cref="HttpRequestData"/>, and, with ASP.NET
/// Core integration, <c>HttpContext</c> and <c>HttpRequest</c>. Each invocation reads them through its
/// <see cref="FunctionInvocation"/>.
/// </summary>
internal sealed class FunctionsInvocationHost(IOptions<WorkerOptions> workerOptions) : IInvocationHost
{
    // The base of every trigger and input binding attribute; it lives in the extensions' abstractions package.
    private const string BindingAttributeTypeName = "Microsoft.Azure.Functions.Worker.Extensions.Abstractions.BindingAttribute";

    private const int FunctionContextSource = 0;
    private const int HttpRequestDataSource = 1;
    private const int HttpContextSource = 2;
    private const int HttpRequestSource = 3;

    public IReadOnlyList<ContextValueSource> ContextSources { get; } =
    [
        new(FunctionContextSource, t => t == typeof(FunctionContext)),
        new(HttpRequestDataSource, t => t == typeof(HttpRequestData)),
        new(HttpContextSource, HttpRequestTypes.IsHttpContext),
        new(HttpRequestSource, HttpRequestTypes.IsHttpRequest),
    ];

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

    /// <summary>Reads the value of one of <see cref="ContextSources"/> for an invocation.</summary>
    public static ValueTask<object?> ReadAsync(ContextValueSource source, FunctionContext context) => source.Index switch
    {
        FunctionContextSource => new(context),
        HttpRequestDataSource => ReadHttpRequestDataAsync(context),
        HttpContextSource => new(AspNetCoreHttpContext.Of(context)),
        HttpRequestSource => new(AspNetCoreHttpContext.Of(context) is { } httpContext ? AspNetCoreHttpContext.RequestOf(httpContext) : null),
        _ => throw new ArgumentOutOfRangeException(nameof(source), source.Index, "Not a context source of the Functions host."),
    };

    /// <summary>Gets a value the trigger bound by name, matching the name exactly first, then ignoring case.</summary>
    public static bool TryGetBindingValue(FunctionContext context, string name, out object? value)
    {
        var data = context.BindingContext.BindingData;
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

    public static async ValueTask<string?> ReadHeaderAsync(FunctionContext context, string name)
    {
        // Both HTTP models serve HttpRequestData (the ASP.NET Core integration wraps its HttpRequest in one).
        var request = await context.GetHttpRequestDataAsync().ConfigureAwait(false);
        return request is not null && request.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;
    }

    private static async ValueTask<object?> ReadHttpRequestDataAsync(FunctionContext context) =>
        await context.GetHttpRequestDataAsync().ConfigureAwait(false);

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
