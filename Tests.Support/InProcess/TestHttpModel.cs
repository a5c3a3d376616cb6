namespace YieldDeps.Tests.Support;

/// <summary>How a <see cref="FunctionTestHost"/> serves HTTP triggers: as the app does.</summary>
public enum TestHttpModel
{
    /// <summary>The built-in model: the request reaches the function as <c>HttpRequestData</c> over the worker's own channel.</summary>
    BuiltIn,

    /// <summary>
    /// The ASP.NET Core integration (<c>ConfigureFunctionsWebApplication()</c>): the integration's own middleware
    /// hands the request's <c>HttpContext</c> in and writes the function's result to its response. The app must
    /// reference Microsoft.Azure.Functions.Worker.Extensions.Http.AspNetCore.
    /// </summary>
    AspNetCore,
}
