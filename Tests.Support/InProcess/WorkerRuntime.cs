using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;

namespace YieldDeps.Tests.Support;

/// <summary>
/// The worker's own application object and invocation services, resolved from a built provider and called the
/// way the gRPC invocation handler calls them.
/// </summary>
internal sealed class WorkerRuntime
{
    private static readonly MethodInfo SetFeatureMethod =
        typeof(IInvocationFeatures).GetMethod(nameof(IInvocationFeatures.Set))!;

    private readonly Func<IInvocationFeatures> _createFeatures;
    private readonly Func<IInvocationFeatures, CancellationToken, FunctionContext> _createContext;
    private readonly Action<FunctionDefinition> _loadFunction;
    private readonly Func<FunctionContext, Task> _invokeFunction;
    private readonly object _outputBindingsInfoProvider;
    private readonly MethodInfo _getBindingsInfo;
    private readonly object _inputConversionFeatureProvider;
    private readonly MethodInfo _tryCreateInputConversionFeature;

    public WorkerRuntime(IServiceProvider services)
    {
        var application = services.GetRequiredService(WorkerInternalTypes.FunctionsApplication);
        _createContext = Bind<Func<IInvocationFeatures, CancellationToken, FunctionContext>>(application, WorkerInternalTypes.FunctionsApplication, "CreateContext");
        _loadFunction = Bind<Action<FunctionDefinition>>(application, WorkerInternalTypes.FunctionsApplication, "LoadFunction");
        _invokeFunction = Bind<Func<FunctionContext, Task>>(application, WorkerInternalTypes.FunctionsApplication, "InvokeFunctionAsync");

        var featuresFactory = services.GetRequiredService(WorkerInternalTypes.InvocationFeaturesFactory);
        _createFeatures = Bind<Func<IInvocationFeatures>>(featuresFactory, WorkerInternalTypes.InvocationFeaturesFactory, "Create");

        _outputBindingsInfoProvider = services.GetRequiredService(WorkerInternalTypes.OutputBindingsInfoProvider);
        _getBindingsInfo = RequiredMethod(WorkerInternalTypes.OutputBindingsInfoProvider, "GetBindingsInfo");

        _inputConversionFeatureProvider = services.GetRequiredService(WorkerInternalTypes.InputConversionFeatureProvider);
        _tryCreateInputConversionFeature = RequiredMethod(WorkerInternalTypes.InputConversionFeatureProvider, "TryCreate");
    }

    /// <summary>A feature collection from the worker's factory: it already provides the real input binding feature.</summary>
    public IInvocationFeatures CreateFeatures() => _createFeatures();

    /// <summary>The worker's own context (per-invocation scope created lazily, disposed by <see cref="IAsyncDisposable"/>).</summary>
    public FunctionContext CreateContext(IInvocationFeatures features, CancellationToken cancellationToken) =>
        _createContext(features, cancellationToken);

    public void LoadFunction(FunctionDefinition definition) => _loadFunction(definition);

    /// <summary>Runs the built middleware pipeline with the worker's logging scope and error logging around it.</summary>
    public Task InvokeFunctionAsync(FunctionContext context) => _invokeFunction(context);

    /// <summary>The worker's description of how a result maps to output bindings (an internal type, kept as object).</summary>
    public object GetOutputBindingsInfo(FunctionDefinition definition) =>
        InvokeUnwrapped(_getBindingsInfo, _outputBindingsInfoProvider, [definition])
        ?? throw new InvalidOperationException("The worker returned no output bindings info.");

    public void SetInputConversionFeature(IInvocationFeatures features)
    {
        object?[] args = [WorkerInternalTypes.DefaultInputConversionFeature, null];
        if (InvokeUnwrapped(_tryCreateInputConversionFeature, _inputConversionFeatureProvider, args) is not true || args[1] is null)
        {
            throw new InvalidOperationException("The worker did not create its input conversion feature.");
        }

        SetFeature(features, WorkerInternalTypes.InputConversionFeature, args[1]!);
    }

    /// <summary>Calls <see cref="IInvocationFeatures.Set{T}"/> for a feature type that is not public.</summary>
    public static void SetFeature(IInvocationFeatures features, Type featureType, object instance) =>
        InvokeUnwrapped(SetFeatureMethod.MakeGenericMethod(featureType), features, [instance]);

    private static TDelegate Bind<TDelegate>(object target, Type interfaceType, string name)
        where TDelegate : Delegate =>
        (TDelegate)Delegate.CreateDelegate(typeof(TDelegate), target, RequiredMethod(interfaceType, name));

    private static MethodInfo RequiredMethod(Type type, string name) =>
        type.GetMethod(name) ?? throw new InvalidOperationException($"{type.FullName}.{name} no longer exists in Worker.Core.");

    private static object? InvokeUnwrapped(MethodInfo method, object target, object?[] args)
    {
        try
        {
            return method.Invoke(target, args);
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
            throw;
        }
    }
}
