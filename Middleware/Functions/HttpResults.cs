using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Net;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;

namespace YieldDeps.Functions;

/// <summary>Reads and replaces what an HTTP function produced, in both HTTP models.</summary>
internal static class HttpResults
{
    private const string HttpBinding = "http";
    private const string ReturnBinding = "$return";

    private static readonly ConcurrentDictionary<Type, Func<object, int?>?> StatusGetters = new();

    /// <summary>
    /// Gets the status the function produced: an <see cref="HttpResponseData"/> (returned, or in the http output
    /// binding) or, with ASP.NET Core integration, an action result or <c>IResult</c> exposing <c>StatusCode</c>.
    /// </summary>
    public static int? ReadStatus(FunctionContext context)
    {
        var result = context.GetInvocationResult().Value;
        if (result is null || result is not HttpResponseData && !IsHttpResultObject(result))
        {
            result = context.GetOutputBindings<object>()
                .FirstOrDefault(b => string.Equals(b.BindingType, HttpBinding, StringComparison.OrdinalIgnoreCase) && b.Name != ReturnBinding)?.Value ?? result;
        }

        return result switch
        {
            null => null,
            HttpResponseData response => (int)response.StatusCode,
            _ => StatusGetters.GetOrAdd(result.GetType(), CompileStatusGetter)?.Invoke(result),
        };
    }

    /// <summary>Makes <paramref name="response"/> the invocation's HTTP response and drops every other output.</summary>
    public static void Replace(FunctionContext context, HttpResponseData response)
    {
        var httpOutput = context.FunctionDefinition.OutputBindings
            .FirstOrDefault(b => string.Equals(b.Value.Type, HttpBinding, StringComparison.OrdinalIgnoreCase)).Key;
        var invocationResult = context.GetInvocationResult();
        invocationResult.Value = httpOutput is null or ReturnBinding ? response : null;
        foreach (var binding in context.GetOutputBindings<object>())
        {
            if (binding.Name == ReturnBinding)
            {
                continue;
            }

            binding.Value = binding.Name == httpOutput ? response : null;
        }
    }

    /// <summary>
    /// Drops the outputs of an invocation whose work was rolled back, so nothing is emitted for it; with
    /// <paramref name="keepHttp"/>, the HTTP response the function produced stays.
    /// </summary>
    public static void ClearOutputs(FunctionContext context, bool keepHttp)
    {
        var invocationResult = context.GetInvocationResult();
        if (!keepHttp || !IsHttpBinding(context, ReturnBinding))
        {
            invocationResult.Value = null;
        }

        foreach (var binding in context.GetOutputBindings<object>())
        {
            if (binding.Name != ReturnBinding && !(keepHttp && string.Equals(binding.BindingType, HttpBinding, StringComparison.OrdinalIgnoreCase)))
            {
                binding.Value = null;
            }
        }
    }

    private static bool IsHttpBinding(FunctionContext context, string name) =>
        context.FunctionDefinition.OutputBindings.TryGetValue(name, out var binding)
        && string.Equals(binding.Type, HttpBinding, StringComparison.OrdinalIgnoreCase);

    public static HttpResponseData CreateResponse(HttpRequestData request, int status) => request.CreateResponse((HttpStatusCode)status);

    private static bool IsHttpResultObject(object result) => StatusGetters.GetOrAdd(result.GetType(), CompileStatusGetter) is not null;

    // ObjectResult, StatusCodeResult and IStatusCodeHttpResult all expose StatusCode; reading it by name keeps the
    // library free of ASP.NET Core.
    private static Func<object, int?>? CompileStatusGetter(Type type)
    {
        var property = type.GetProperty("StatusCode");
        if (property is null || (property.PropertyType != typeof(int) && property.PropertyType != typeof(int?)) || property.GetIndexParameters().Length > 0)
        {
            return null;
        }

        var instance = Expression.Parameter(typeof(object));
        var read = Expression.Property(Expression.Convert(instance, type), property);
        return Expression.Lambda<Func<object, int?>>(Expression.Convert(read, typeof(int?)), instance).Compile();
    }
}
