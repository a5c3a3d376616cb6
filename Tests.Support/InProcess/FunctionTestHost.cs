using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using YieldDeps.Testing;

namespace YieldDeps.Tests.Support;

/// <summary>
/// Runs functions in-process through the worker's real application, middleware pipeline, input conversion,
/// reflection-based executor and function activator. Only what the gRPC layer provides is stood in for:
/// the invocation request (ids, trace and retry context, trigger metadata, input data) and the HTTP request.
/// </summary>
public sealed class FunctionTestHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly AspNetCoreIntegration? _aspNetCore;
    private readonly WorkerRuntime _runtime;
    private readonly HostedServiceRunner _hostedServices;
    private readonly ConcurrentDictionary<(MethodInfo Method, string? Parameter, string Type), HarnessFunctionDefinition> _definitions = new();
    private readonly object _loadLock = new();

    private FunctionTestHost(ServiceProvider services, AspNetCoreIntegration? aspNetCore)
    {
        _aspNetCore = aspNetCore;
        _services = services;
        _runtime = new WorkerRuntime(services);
        _hostedServices = new HostedServiceRunner(services);
    }

    /// <summary>The root provider (singletons such as middleware, converters and the activator live here).</summary>
    public IServiceProvider Services => _services;

    /// <summary>
    /// Builds the worker's services as <c>ConfigureFunctionsWorkerDefaults</c> does: built-in converters, core
    /// services, then <paramref name="configureWorker"/>, then the default middleware (output bindings, execution).
    /// <paramref name="configureServices"/> runs last, like a <c>ConfigureServices</c> call after it, so its
    /// registrations win over the worker's and the library's.
    /// </summary>
    /// <param name="configureWorker">Configures the worker as the app's Program does, for example <c>worker =&gt; worker.UseYieldDependencies(App.Register)</c>.</param>
    /// <param name="configureServices">Registers or replaces services: the app's own, a test database, fakes.</param>
    /// <param name="validateScopes">Fail when a scoped service is resolved from the root provider (stricter than production).</param>
    /// <param name="httpModel">How HTTP triggers are served: as the app does (<see cref="TestHttpModel.AspNetCore"/> for an app that calls <c>ConfigureFunctionsWebApplication()</c>).</param>
    /// <param name="configuration">
    /// Adds the test's own settings, for example <c>c =&gt; c.AddInMemoryCollection(...)</c>; they win over the app's.
    /// The <see cref="IConfiguration"/> service holds, as the worker's does, appsettings.json and the <c>Values</c> of
    /// local.settings.json from the test's output folder, then the environment variables, then these.
    /// </param>
    /// <returns>A host ready to invoke functions; dispose it to stop its hosted services and release its services.</returns>
    public static FunctionTestHost Create(
        Action<IFunctionsWorkerApplicationBuilder>? configureWorker = null,
        Action<IServiceCollection>? configureServices = null,
        bool validateScopes = true,
        TestHttpModel httpModel = TestHttpModel.BuiltIn,
        Action<IConfigurationBuilder>? configuration = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();

        // The app's settings, as the worker's host builder registers them; configureServices may still replace them.
        var appConfiguration = AppConfiguration.Build(configuration);
        services.AddSingleton<IConfiguration>(_ => appConfiguration);

        // What AddFunctionsWorkerDefaults adds before the core services, minus gRPC.
        WorkerInternalTypes.AddDefaultInputConverters.Invoke(null, [services]);
        services.Configure<JsonSerializerOptions>(options => options.PropertyNameCaseInsensitive = true);

        var builder = services.AddFunctionsWorkerCore();

        // The gRPC package registers the diagnostics sink the application reports to; the harness discards the reports.
        services.TryAdd(ServiceDescriptor.Singleton(
            WorkerInternalTypes.WorkerDiagnostics,
            InterfaceProxy.Create(WorkerInternalTypes.WorkerDiagnostics, static (_, _) => null)));

        // The integration's middleware comes first, as ConfigureFunctionsWebApplication puts it.
        var aspNetCore = httpModel == TestHttpModel.AspNetCore ? AspNetCoreIntegration.Install(builder) : null;
        configureWorker?.Invoke(builder);
        builder.UseDefaultWorkerMiddleware();
        configureServices?.Invoke(services);

        // The worker's own hosted service starts the gRPC client; every other hosted service (e.g. the library's
        // startup validation) runs before the first invocation.
        foreach (var workerHostedService in services
                     .Where(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType?.Assembly == typeof(FunctionContext).Assembly)
                     .ToList())
        {
            services.Remove(workerHostedService);
        }

        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = validateScopes });
        return new FunctionTestHost(provider, aspNetCore);
    }

    /// <summary>Invokes <paramref name="method"/> as the host would, with a token that never fires.</summary>
    /// <param name="method">The function method.</param>
    /// <param name="trigger">What the trigger brings: an HTTP request, a queue message, ...</param>
    /// <returns>What the invocation left behind.</returns>
    public Task<FunctionTestResult> InvokeAsync(MethodInfo method, TriggerInput trigger) => InvokeAsync(method, trigger, CancellationToken.None);

    /// <summary>
    /// Invokes <paramref name="method"/> as the host would: loads its definition once, creates the worker's context
    /// with the caller's token, runs the pipeline, reads the results, then disposes the context and its scope.
    /// Never throws for a failing function: see <see cref="FunctionTestResult.Exception"/>; it throws when the
    /// definition cannot be built or a hosted service fails to start.
    /// </summary>
    /// <param name="method">The function method.</param>
    /// <param name="trigger">What the trigger brings: an HTTP request, a queue message, ...</param>
    /// <param name="cancellationToken">The invocation's token, as the host would cancel it.</param>
    /// <returns>What the invocation left behind.</returns>
    public async Task<FunctionTestResult> InvokeAsync(MethodInfo method, TriggerInput trigger, CancellationToken cancellationToken)
    {
        await StartAsync(cancellationToken);
        var definition = GetOrLoad(method, trigger);

        var features = _runtime.CreateFeatures();
        var invocation = new HarnessFunctionInvocation(definition.Id);
        features.Set<FunctionInvocation>(invocation);
        WorkerRuntime.SetFeature(features, WorkerInternalTypes.ExecutionRetryFeature, CreateRetryFeature(trigger));

        var context = _runtime.CreateContext(features, cancellationToken);
        try
        {
            var bindings = new InvocationBindings(context, definition, trigger, _runtime.GetOutputBindingsInfo);
            WorkerRuntime.SetFeature(features, WorkerInternalTypes.FunctionBindingsFeature, bindings.CreateFeature());
            _runtime.SetInputConversionFeature(features);

            if (_aspNetCore is not null && trigger.HttpRequest is { } request)
            {
                return await InvokeWithHttpContextAsync(_aspNetCore, context, bindings, request, cancellationToken);
            }

            Exception? failure = null;
            try
            {
                await _runtime.InvokeFunctionAsync(context);
            }
            catch (Exception ex)
            {
                failure = ex;
            }

            var response = context.GetHttpResponseData();
            return new FunctionTestResult(
                context,
                failure,
                bindings.InvocationResult,
                new Dictionary<string, object?>(bindings.OutputBindingData),
                response is null ? null : HttpResponseSnapshot.Capture(response),
                bindings.HttpRequest);
        }
        finally
        {
            // As the invocation handler does once the response is built: this disposes the invocation's scope.
            if (context is IAsyncDisposable asyncDisposable)
            {
                await asyncDisposable.DisposeAsync();
            }

            (context as IDisposable)?.Dispose();
        }
    }

    /// <summary>
    /// Invokes the function method <paramref name="method"/> of the class <paramref name="functions"/>, which may be a
    /// static class, as <see cref="InvokeAsync(MethodInfo, TriggerInput, CancellationToken)"/> does:
    /// <c>host.InvokeAsync(typeof(Notes), nameof(Notes.AddNote), trigger)</c>.
    /// </summary>
    /// <param name="functions">The class that declares the function.</param>
    /// <param name="method">The function method's name.</param>
    /// <param name="trigger">What the trigger brings: an HTTP request, a queue message, ...</param>
    /// <returns>What the invocation left behind.</returns>
    /// <exception cref="ArgumentException"><paramref name="functions"/> has no method of that name.</exception>
    public Task<FunctionTestResult> InvokeAsync(Type functions, string method, TriggerInput trigger) =>
        InvokeAsync(functions, method, trigger, CancellationToken.None);

    /// <summary>
    /// Invokes the function method <paramref name="method"/> of the class <paramref name="functions"/>, which may be a
    /// static class, with the invocation's token, as <see cref="InvokeAsync(MethodInfo, TriggerInput, CancellationToken)"/> does.
    /// </summary>
    /// <param name="functions">The class that declares the function.</param>
    /// <param name="method">The function method's name.</param>
    /// <param name="trigger">What the trigger brings: an HTTP request, a queue message, ...</param>
    /// <param name="cancellationToken">The invocation's token, as the host would cancel it.</param>
    /// <returns>What the invocation left behind.</returns>
    /// <exception cref="ArgumentException"><paramref name="functions"/> has no method of that name.</exception>
    public Task<FunctionTestResult> InvokeAsync(Type functions, string method, TriggerInput trigger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(functions);
        ArgumentNullException.ThrowIfNull(method);
        return InvokeAsync(
            functions.GetMethod(method, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static)
                ?? throw new ArgumentException($"{functions.Name} has no method '{method}'.", nameof(method)),
            trigger,
            cancellationToken);
    }

    /// <summary>
    /// Invokes <paramref name="method"/> of <typeparamref name="TFunctions"/>, as <see cref="InvokeAsync(MethodInfo, TriggerInput, CancellationToken)"/> does.
    /// A static class cannot be a type argument: use <see cref="InvokeAsync(Type, string, TriggerInput)"/> with <c>typeof</c> for one.
    /// </summary>
    /// <typeparam name="TFunctions">The class that declares the function.</typeparam>
    /// <param name="method">The function method's name.</param>
    /// <param name="trigger">What the trigger brings: an HTTP request, a queue message, ...</param>
    /// <returns>What the invocation left behind.</returns>
    public Task<FunctionTestResult> InvokeAsync<TFunctions>(string method, TriggerInput trigger) =>
        InvokeAsync<TFunctions>(method, trigger, CancellationToken.None);

    /// <summary>
    /// Invokes <paramref name="method"/> of <typeparamref name="TFunctions"/> with the invocation's token, as
    /// <see cref="InvokeAsync(MethodInfo, TriggerInput, CancellationToken)"/> does.
    /// </summary>
    /// <typeparam name="TFunctions">The class that declares the function.</typeparam>
    /// <param name="method">The function method's name.</param>
    /// <param name="trigger">What the trigger brings: an HTTP request, a queue message, ...</param>
    /// <param name="cancellationToken">The invocation's token, as the host would cancel it.</param>
    /// <returns>What the invocation left behind.</returns>
    public Task<FunctionTestResult> InvokeAsync<TFunctions>(string method, TriggerInput trigger, CancellationToken cancellationToken) =>
        InvokeAsync(typeof(TFunctions), method, trigger, cancellationToken);

    /// <summary>Starts the hosted services as the host does at startup; also done by the first invocation.</summary>
    public Task StartAsync(CancellationToken cancellationToken = default) => _hostedServices.StartAsync(cancellationToken);

    /// <summary>Stops the hosted services and disposes the services.</summary>
    /// <returns>A task that completes when everything is released.</returns>
    public async ValueTask DisposeAsync()
    {
        await _hostedServices.StopAsync();
        await _services.DisposeAsync();
    }

    private HarnessFunctionDefinition GetOrLoad(MethodInfo method, TriggerInput trigger)
    {
        var key = (method, trigger.ParameterName, trigger.BindingType);
        if (_definitions.TryGetValue(key, out var loaded))
        {
            return loaded;
        }

        lock (_loadLock)
        {
            if (!_definitions.TryGetValue(key, out loaded))
            {
                loaded = FunctionDefinitionFactory.Create(method, trigger);
                _runtime.LoadFunction(loaded);
                _definitions[key] = loaded;
            }

            return loaded;
        }
    }

    private async Task<FunctionTestResult> InvokeWithHttpContextAsync(
        AspNetCoreIntegration aspNetCore,
        FunctionContext context,
        InvocationBindings bindings,
        HttpRequestSpec request,
        CancellationToken cancellationToken)
    {
        var responseBody = new MemoryStream();
        var httpContext = TestHttpContext.Create(request, responseBody, cancellationToken);
        var pipeline = _runtime.InvokeFunctionAsync(context);
        Exception? failure = null;
        try
        {
            await aspNetCore.ServeAsync(_services, context.InvocationId, httpContext, pipeline);
            await pipeline;
        }
        catch (Exception ex)
        {
            failure = ex;
        }

        return new FunctionTestResult(
            context,
            failure,
            bindings.InvocationResult,
            new Dictionary<string, object?>(bindings.OutputBindingData),
            HttpResponseSnapshot.Capture(httpContext.Response, responseBody),
            null);
    }

    private static object CreateRetryFeature(TriggerInput trigger)
    {
        var retryContext = new HarnessRetryContext(trigger.RetryCount, trigger.MaxRetryCount);
        return InterfaceProxy.Create(
            WorkerInternalTypes.ExecutionRetryFeature,
            (method, _) => method.Name == "get_Context" ? retryContext : throw InterfaceProxy.Unsupported(method));
    }
}
