using Microsoft.AspNetCore.Routing.Patterns;
using YieldDeps.LocalHost.Functions;
using YieldDeps.LocalHost.Hosting;

namespace YieldDeps.LocalHost.Http;

/// <summary>
/// Maps each HTTP-triggered function onto ASP.NET Core endpoint routing, which gives route
/// constraints, optional parameters, 404 for unknown routes and 405 (with Allow) for wrong methods.
/// </summary>
internal static class HttpFunctionRoutes
{
    /// <summary>The route template of a function: prefix + (route, or the function name when none is given).</summary>
    public static string Template(FunctionDescriptor function, string routePrefix)
    {
        var route = (function.Trigger?.GetString("route") ?? function.Name).Trim('/');
        return routePrefix.Length == 0 ? route : $"{routePrefix}/{route}";
    }

    /// <summary>Upper-case methods from the binding; empty means every method.</summary>
    public static IReadOnlyList<string> Methods(FunctionDescriptor function) =>
        function.Trigger?.GetStrings("methods")?.Select(method => method.ToUpperInvariant()).ToArray() ?? [];

    /// <summary>Maps the functions and returns those whose route could be mapped.</summary>
    public static IReadOnlyList<FunctionDescriptor> Map(
        IEndpointRouteBuilder endpoints,
        IEnumerable<FunctionDescriptor> functions,
        string routePrefix,
        HttpFunctionHandler handler,
        HostConsole console)
    {
        var mapped = new List<FunctionDescriptor>();
        foreach (var function in functions.Where(function => function.IsHttp))
        {
            var template = Template(function, routePrefix);
            RoutePattern pattern;
            try
            {
                pattern = RoutePatternFactory.Parse(template);
            }
            catch (RoutePatternException exception)
            {
                console.Error($"{function.Name} is not served: its route '{template}' is invalid ({exception.Message})");
                continue;
            }

            var endpoint = endpoints.Map(pattern, context => handler.HandleAsync(context, function)).WithDisplayName(function.Name);
            if (Methods(function) is { Count: > 0 } methods)
            {
                endpoint.WithMetadata(new HttpMethodMetadata(methods));
            }

            mapped.Add(function);
        }

        return mapped;
    }
}
