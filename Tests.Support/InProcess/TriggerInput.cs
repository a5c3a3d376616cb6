using System.Collections.Immutable;
using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Web;

namespace YieldDeps.Tests.Support;

/// <summary>
/// The trigger part of an invocation request: the binding type, the value bound to the trigger parameter
/// (input data), the trigger metadata (<c>BindingContext.BindingData</c>) and the retry context.
/// </summary>
public sealed class TriggerInput
{
    private static readonly ImmutableDictionary<string, object?> Empty =
        ImmutableDictionary.Create<string, object?>(StringComparer.OrdinalIgnoreCase);

    private TriggerInput(
        string bindingType,
        string? parameterName,
        object? value,
        HttpRequestSpec? http,
        ImmutableDictionary<string, object?> bindingData,
        ImmutableDictionary<string, object?> inputData,
        int retryCount,
        int maxRetryCount)
    {
        BindingType = bindingType;
        ParameterName = parameterName;
        Value = value;
        HttpRequest = http;
        BindingData = bindingData;
        InputData = inputData;
        RetryCount = retryCount;
        MaxRetryCount = maxRetryCount;
    }

    /// <summary>Binding type such as "queueTrigger" or "httpTrigger"; must match the method's trigger attribute if it has one.</summary>
    public string BindingType { get; }

    /// <summary>Trigger parameter for a method without a trigger attribute (declares the trigger binding); otherwise optional.</summary>
    public string? ParameterName { get; }

    /// <summary>Input data bound to the trigger parameter (ignored for HTTP, where it is the request).</summary>
    public object? Value { get; }

    internal HttpRequestSpec? HttpRequest { get; }

    /// <summary>Trigger metadata by name; the worker reads it case-insensitively.</summary>
    public ImmutableDictionary<string, object?> BindingData { get; }

    /// <summary>Further input data by binding name (for input bindings other than the trigger).</summary>
    public ImmutableDictionary<string, object?> InputData { get; }

    /// <summary>Gets the retry count of the invocation's retry context.</summary>
    public int RetryCount { get; }

    /// <summary>Gets the most retries the invocation's retry context allows.</summary>
    public int MaxRetryCount { get; }

    /// <summary>
    /// A storage queue message. Trigger metadata holds what the queue extension sends (as strings); pass
    /// <paramref name="bindingData"/> to add or override entries.
    /// </summary>
    public static TriggerInput Queue(
        string message,
        IReadOnlyDictionary<string, object?>? bindingData = null,
        string? parameterName = null,
        int dequeueCount = 1)
    {
        var now = DateTimeOffset.UtcNow;
        var metadata = new Dictionary<string, object?>
        {
            ["QueueTrigger"] = message,
            ["Id"] = Guid.NewGuid().ToString(),
            ["PopReceipt"] = Convert.ToBase64String(Guid.NewGuid().ToByteArray()),
            ["DequeueCount"] = dequeueCount.ToString(CultureInfo.InvariantCulture),
            ["InsertionTime"] = now.ToString("O", CultureInfo.InvariantCulture),
            ["ExpirationTime"] = now.AddDays(7).ToString("O", CultureInfo.InvariantCulture),
            ["NextVisibleTime"] = now.AddMinutes(10).ToString("O", CultureInfo.InvariantCulture),
        };

        return new TriggerInput("queueTrigger", parameterName, message, null, Merge(metadata, bindingData), Empty, 0, 0);
    }

    /// <summary>
    /// An HTTP request for the built-in HTTP model. Trigger metadata holds each query value and each route value by
    /// name (route values win on a clash), plus "Query" and "Headers" as JSON, as the host sends them.
    /// </summary>
    /// <param name="method">The HTTP method, such as "POST".</param>
    /// <param name="url">The absolute URL, query included.</param>
    /// <param name="body">The body, sent as UTF-8.</param>
    /// <param name="headers">The request headers; a name may repeat.</param>
    /// <param name="routeValues">An object whose properties, or a dictionary whose entries, are the route values.</param>
    /// <param name="parameterName">The trigger parameter, for a method without an <c>[HttpTrigger]</c> attribute.</param>
    /// <returns>The trigger input.</returns>
    public static TriggerInput Http(
        string method,
        string url,
        string? body = null,
        IEnumerable<KeyValuePair<string, string>>? headers = null,
        object? routeValues = null,
        string? parameterName = null)
    {
        var uri = new Uri(url, UriKind.Absolute);
        var headerList = (headers ?? []).ToList();
        var spec = new HttpRequestSpec(method, uri, Encoding.UTF8.GetBytes(body ?? string.Empty), headerList);

        var metadata = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        var query = HttpUtility.ParseQueryString(uri.Query);
        var queryObject = new Dictionary<string, string?>();
        foreach (var key in query.AllKeys.OfType<string>())
        {
            metadata[key] = query[key];
            queryObject[key] = query[key];
        }

        foreach (var (key, value) in ToStringDictionary(routeValues))
        {
            metadata[key] = value;
        }

        metadata["Query"] = JsonSerializer.Serialize(queryObject);
        metadata["Headers"] = JsonSerializer.Serialize(
            headerList.GroupBy(h => h.Key, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => string.Join(",", g.Select(h => h.Value))));

        return new TriggerInput("httpTrigger", parameterName, null, spec, Merge(metadata, null), Empty, 0, 0);
    }

    /// <summary>Any other trigger: <paramref name="value"/> is bound to the trigger parameter, <paramref name="bindingData"/> is the trigger metadata.</summary>
    public static TriggerInput Custom(
        string bindingType,
        object? value,
        IReadOnlyDictionary<string, object?>? bindingData = null,
        string? parameterName = null) =>
        new(bindingType, parameterName, value, null, Merge(new Dictionary<string, object?>(), bindingData), Empty, 0, 0);

    /// <summary>Returns a copy with one more (or a replaced) trigger metadata entry.</summary>
    /// <param name="name">The entry's name.</param>
    /// <param name="value">Its value.</param>
    /// <returns>The new input.</returns>
    public TriggerInput WithBindingData(string name, object? value) =>
        new(BindingType, ParameterName, Value, HttpRequest, BindingData.SetItem(name, value), InputData, RetryCount, MaxRetryCount);

    /// <summary>Returns a copy with input data for another input binding of the function.</summary>
    /// <param name="bindingName">The binding's name.</param>
    /// <param name="value">The data bound to it.</param>
    /// <returns>The new input.</returns>
    public TriggerInput WithInputData(string bindingName, object? value) =>
        new(BindingType, ParameterName, Value, HttpRequest, BindingData, InputData.SetItem(bindingName, value), RetryCount, MaxRetryCount);

    /// <summary>Returns a copy with a retry context, as for a trigger with a retry policy.</summary>
    /// <param name="retryCount">The current retry.</param>
    /// <param name="maxRetryCount">The most retries the policy allows.</param>
    /// <returns>The new input.</returns>
    public TriggerInput WithRetry(int retryCount, int maxRetryCount) =>
        new(BindingType, ParameterName, Value, HttpRequest, BindingData, InputData, retryCount, maxRetryCount);

    /// <summary>Returns a copy that binds the trigger to <paramref name="parameterName"/>, for a method without a trigger attribute.</summary>
    /// <param name="parameterName">The trigger parameter.</param>
    /// <returns>The new input.</returns>
    public TriggerInput ForParameter(string parameterName) =>
        new(BindingType, parameterName, Value, HttpRequest, BindingData, InputData, RetryCount, MaxRetryCount);

    private static ImmutableDictionary<string, object?> Merge(IDictionary<string, object?> defaults, IReadOnlyDictionary<string, object?>? overrides)
    {
        var result = Empty.SetItems(defaults);
        return overrides is null ? result : result.SetItems(overrides);
    }

    private static IEnumerable<KeyValuePair<string, string?>> ToStringDictionary(object? values)
    {
        switch (values)
        {
            case null:
                return [];
            case IEnumerable<KeyValuePair<string, string>> strings:
                return strings.Select(kv => new KeyValuePair<string, string?>(kv.Key, kv.Value));
            case IEnumerable<KeyValuePair<string, object?>> objects:
                return objects.Select(kv => new KeyValuePair<string, string?>(kv.Key, Invariant(kv.Value)));
            default:
                return values.GetType()
                    .GetProperties(BindingFlags.Public | BindingFlags.Instance)
                    .Select(p => new KeyValuePair<string, string?>(p.Name, Invariant(p.GetValue(values))));
        }
    }

    // The host sends route values as strings; the worker's converters turn them into the parameter's type.
    private static string? Invariant(object? value) => Convert.ToString(value, CultureInfo.InvariantCulture);
}
