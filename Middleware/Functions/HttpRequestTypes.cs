using Microsoft.Azure.Functions.Worker.Http;

namespace YieldDeps.Functions;

/// <summary>The parameter types through which a dependency takes the HTTP request, in both HTTP models.</summary>
internal static class HttpRequestTypes
{
    private const string HttpContextTypeName = "Microsoft.AspNetCore.Http.HttpContext";
    private const string HttpRequestTypeName = "Microsoft.AspNetCore.Http.HttpRequest";

    public static bool IsRequestType(Type type) => type == typeof(HttpRequestData) || IsAspNetCoreType(type);

    /// <summary>Matched by name so that apps on the built-in HTTP model take no ASP.NET Core dependency because of YieldDeps.</summary>
    public static bool IsAspNetCoreType(Type type) =>
        FunctionsInvocationHost.IsOrDerivesFrom(type, HttpContextTypeName) || FunctionsInvocationHost.IsOrDerivesFrom(type, HttpRequestTypeName);

    public static bool IsHttpContext(Type type) => FunctionsInvocationHost.IsOrDerivesFrom(type, HttpContextTypeName);

    public static bool IsHttpRequest(Type type) => FunctionsInvocationHost.IsOrDerivesFrom(type, HttpRequestTypeName);
}
