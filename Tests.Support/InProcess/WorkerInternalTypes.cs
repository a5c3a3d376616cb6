using System.Reflection;
using Microsoft.Azure.Functions.Worker;

namespace YieldDeps.Tests.Support;

/// <summary>
/// The worker types that the gRPC layer uses to run an invocation but that Worker.Core keeps internal.
/// Looked up by name so that a worker upgrade that moves them fails here with a clear message.
/// </summary>
internal static class WorkerInternalTypes
{
    private static readonly Assembly CoreAssembly = typeof(FunctionContext).Assembly;

    public static readonly Type FunctionsApplication = Find("Microsoft.Azure.Functions.Worker.IFunctionsApplication");
    public static readonly Type FunctionBindingsFeature = Find("Microsoft.Azure.Functions.Worker.Context.Features.IFunctionBindingsFeature");
    public static readonly Type ExecutionRetryFeature = Find("Microsoft.Azure.Functions.Worker.IExecutionRetryFeature");
    public static readonly Type InvocationFeaturesFactory = Find("Microsoft.Azure.Functions.Worker.IInvocationFeaturesFactory");
    public static readonly Type InputConversionFeature = Find("Microsoft.Azure.Functions.Worker.Context.Features.IInputConversionFeature");
    public static readonly Type InputConversionFeatureProvider = Find("Microsoft.Azure.Functions.Worker.Context.Features.IInputConversionFeatureProvider");
    public static readonly Type DefaultInputConversionFeature = Find("Microsoft.Azure.Functions.Worker.Context.Features.DefaultInputConversionFeature");
    public static readonly Type OutputBindingsInfoProvider = Find("Microsoft.Azure.Functions.Worker.OutputBindings.IOutputBindingsInfoProvider");
    public static readonly Type WorkerDiagnostics = Find("Microsoft.Azure.Functions.Worker.Diagnostics.IWorkerDiagnostics");

    /// <summary>
    /// <c>AddDefaultInputConvertersToWorkerOptions</c>: the built-in converters that <c>AddFunctionsWorkerDefaults</c>
    /// (in the gRPC package) registers before <c>AddFunctionsWorkerCore</c>.
    /// </summary>
    public static readonly MethodInfo AddDefaultInputConverters =
        Find("Microsoft.Extensions.DependencyInjection.ServiceCollectionExtensions")
            .GetMethod("AddDefaultInputConvertersToWorkerOptions", BindingFlags.NonPublic | BindingFlags.Static)
        ?? throw new InvalidOperationException("Worker.Core no longer has AddDefaultInputConvertersToWorkerOptions.");

    private static Type Find(string fullName) =>
        CoreAssembly.GetType(fullName, throwOnError: false)
        ?? throw new InvalidOperationException($"Worker.Core ({CoreAssembly.GetName().Version}) no longer has the internal type {fullName}.");
}
