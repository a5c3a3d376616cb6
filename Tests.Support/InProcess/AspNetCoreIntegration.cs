using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;

namespace YieldDeps.Tests.Support;

/// <summary>
/// Runs the worker's real ASP.NET Core integration in-process: installs it as <c>ConfigureFunctionsWebApplication</c>
/// does, and plays the part of the worker's web server for one request, talking to the integration's coordinator
/// the way its request middleware does. The integration's types are internal, so they are reached by name.
/// </summary>
internal sealed class AspNetCoreIntegration
{
    private const string AssemblyName = "Microsoft.Azure.Functions.Worker.Extensions.Http.AspNetCore";

    private readonly MethodInfo _setHttpContext;
    private readonly MethodInfo _runFunctionInvocation;
    private readonly Type _coordinatorType;

    private AspNetCoreIntegration(Assembly assembly)
    {
        _coordinatorType = Required(assembly, "Microsoft.Azure.Functions.Worker.Extensions.Http.AspNetCore.IHttpCoordinator");
        _setHttpContext = RequiredMethod(_coordinatorType, "SetHttpContextAsync");
        _runFunctionInvocation = RequiredMethod(_coordinatorType, "RunFunctionInvocationAsync");
    }

    /// <summary>Installs the integration's middleware and services, first in the pipeline as the real builder does.</summary>
    public static AspNetCoreIntegration Install(IFunctionsWorkerApplicationBuilder builder)
    {
        Assembly assembly;
        try
        {
            assembly = Assembly.Load(AssemblyName);
        }
        catch (FileNotFoundException e)
        {
            throw new InvalidOperationException(
                $"TestHttpModel.AspNetCore runs the worker's ASP.NET Core integration, so the app (or the test project) must reference the {AssemblyName} package.", e);
        }

        var install = RequiredMethod(Required(assembly, "Microsoft.Azure.Functions.Worker.WorkerBuilderExtensions"), "UseAspNetCoreIntegration");
        install.Invoke(null, [builder]);

        // Registered by the host-builder half of ConfigureFunctionsWebApplication, which sets up the web server too.
        builder.Services.AddSingleton(Required(assembly, "Microsoft.Azure.Functions.Worker.Extensions.Http.AspNetCore.Infrastructure.ExtensionTrace"));
        return new AspNetCoreIntegration(assembly);
    }

    /// <summary>
    /// Serves <paramref name="httpContext"/> to the running invocation <paramref name="pipeline"/>: hands the request
    /// in, lets the function run, and returns when the integration finished writing the response.
    /// </summary>
    public async Task ServeAsync(IServiceProvider services, string invocationId, HttpContext httpContext, Task pipeline)
    {
        var coordinator = services.GetRequiredService(_coordinatorType);
        var handIn = (Task<FunctionContext>)_setHttpContext.Invoke(coordinator, [invocationId, httpContext])!;
        var first = await Task.WhenAny(handIn, pipeline);
        if (first == pipeline && !handIn.IsCompleted)
        {
            // The pipeline ended before it asked for the request (a middleware in front of the integration failed).
            return;
        }

        var functionContext = await handIn;

        // As the integration's request middleware does: the request's services are the invocation's.
        httpContext.RequestServices = functionContext.InstanceServices;
        await (Task)_runFunctionInvocation.Invoke(coordinator, [invocationId])!;
    }

    private static Type Required(Assembly assembly, string name) =>
        assembly.GetType(name, throwOnError: false)
        ?? throw new NotSupportedException($"{assembly.GetName().Name} {assembly.GetName().Version} no longer has {name}; TestHttpModel.AspNetCore does not support this version.");

    private static MethodInfo RequiredMethod(Type type, string name) =>
        type.GetMethod(name, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance)
        ?? throw new NotSupportedException($"{type.FullName}.{name} no longer exists; TestHttpModel.AspNetCore does not support this version.");
}
