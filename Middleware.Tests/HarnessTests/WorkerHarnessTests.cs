using System.Net;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using YieldDeps.Testing;

namespace YieldDeps.Tests.HarnessTests;

public sealed class WorkerHarnessTests : IDisposable
{
    private static readonly System.Reflection.MethodInfo Process = typeof(QueueFunctions).GetMethod(nameof(QueueFunctions.Process))!;
    private static readonly System.Reflection.MethodInfo Fail = typeof(QueueFunctions).GetMethod(nameof(QueueFunctions.FailAsync))!;
    private static readonly System.Reflection.MethodInfo Wait = typeof(QueueFunctions).GetMethod(nameof(QueueFunctions.WaitAsync))!;
    private static readonly System.Reflection.MethodInfo Untyped = typeof(QueueFunctions).GetMethod(nameof(QueueFunctions.Untyped))!;
    private static readonly System.Reflection.MethodInfo Create = typeof(HttpFunctions).GetMethod(nameof(HttpFunctions.CreateAsync))!;
    private static readonly System.Reflection.MethodInfo CreateAndEnqueue = typeof(HttpFunctions).GetMethod(nameof(HttpFunctions.CreateAndEnqueueAsync))!;

    private readonly Recorder _recorder = new();

    // Bounds every invocation so a broken pipeline fails the test instead of hanging the run.
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(30));

    public void Dispose() => _timeout.Dispose();

    private FunctionTestHost CreateHarness(Action<IServiceCollection>? configureServices = null) =>
        FunctionTestHost.Create(
            worker =>
            {
                worker.UseMiddleware<RecordingMiddleware>();
                worker.Services.Configure<WorkerOptions>(o => o.InputConverters.RegisterAt<WidgetConverter>(0));
            },
            services =>
            {
                services.AddSingleton(_recorder);
                services.AddScoped<ScopedDependency>();
                configureServices?.Invoke(services);
            });

    [Fact]
    public async Task MiddlewareRunsAroundTheFunctionAndSeesItsResultAfterNext()
    {
        await using var harness = CreateHarness();

        var outcome = await harness.InvokeAsync(Process, TriggerInput.Queue("order 7"), _timeout.Token);

        outcome.EnsureSucceeded();
        Assert.Equal(["middleware:before", "function", "middleware:after"], _recorder.Events.Where(e => !e.StartsWith("converter:", StringComparison.Ordinal)));
        Assert.Equal("processed order 7", _recorder.Values["middleware.result"]);
        Assert.Equal("processed order 7", outcome.InvocationResult);
        Assert.Equal("order 7", _recorder.Values["function.message"]);
    }

    [Fact]
    public async Task ConverterRegisteredFirstBindsAParameterWithoutBindingAttribute()
    {
        await using var harness = CreateHarness();

        var outcome = await harness.InvokeAsync(Process, TriggerInput.Queue("order 7"), _timeout.Token);

        outcome.EnsureSucceeded();
        var widget = Assert.IsType<Widget>(_recorder.Values["function.widget"]);
        Assert.Same(outcome.Context.Items[RecordingMiddleware.WidgetItemKey], widget);

        // Asked for every parameter in declaration order, the trigger (with its input data as source),
        // FunctionContext and CancellationToken included.
        Assert.Equal(
            ["converter:String:String", "converter:Widget:null", "converter:FunctionContext:null", "converter:CancellationToken:null"],
            _recorder.Events.Where(e => e.StartsWith("converter:", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task FunctionClassGetsScopedServicesFromTheInvocationScopeWhichIsDisposedAfterwards()
    {
        await using var harness = CreateHarness();

        var first = await harness.InvokeAsync(Process, TriggerInput.Queue("a"), _timeout.Token);
        var firstScoped = Assert.IsType<ScopedDependency>(_recorder.Values["function.scoped"]);
        Assert.Same(_recorder.Values["middleware.scoped"], firstScoped);
        Assert.True(firstScoped.Disposed);

        var second = await harness.InvokeAsync(Process, TriggerInput.Queue("b"), _timeout.Token);
        var secondScoped = Assert.IsType<ScopedDependency>(_recorder.Values["function.scoped"]);
        Assert.NotEqual(firstScoped.Id, secondScoped.Id);

        first.EnsureSucceeded();
        second.EnsureSucceeded();
        Assert.NotEqual(first.Context.InvocationId, second.Context.InvocationId);
        Assert.Equal(first.Context.FunctionId, second.Context.FunctionId);
        Assert.Same(first.Context.FunctionDefinition, second.Context.FunctionDefinition);
    }

    [Fact]
    public async Task ActivatorRegisteredInServicesIsTheOneTheExecutorUses()
    {
        await using var harness = CreateHarness(services => services.AddSingleton<IFunctionActivator, CountingActivator>());

        var outcome = await harness.InvokeAsync(Process, TriggerInput.Queue("a"), _timeout.Token);

        outcome.EnsureSucceeded();
        Assert.Contains("activator:QueueFunctions", _recorder.Events);
        Assert.IsType<CountingActivator>(harness.Services.GetRequiredService<IFunctionActivator>());

        // The instance is created before any parameter is bound.
        var events = _recorder.Events.ToList();
        Assert.True(events.IndexOf("activator:QueueFunctions") < events.IndexOf("converter:String:String"));
    }

    [Fact]
    public async Task AsyncFunctionFailureSurfacesThroughThePipelineAsTheReflectionExecutorReportsIt()
    {
        await using var harness = CreateHarness();

        var outcome = await harness.InvokeAsync(Fail, TriggerInput.Queue("bad"), _timeout.Token);

        var aggregate = Assert.IsType<AggregateException>(outcome.Exception);
        var inner = Assert.IsType<InvalidOperationException>(Assert.Single(aggregate.InnerExceptions));
        Assert.Equal("cannot process bad", inner.Message);
        Assert.Same(outcome.Exception, _recorder.Values["middleware.exception"]);
        Assert.False(outcome.Succeeded);
        Assert.Contains("middleware:after", _recorder.Events);
    }

    [Fact]
    public async Task HttpFunctionResponseIsReadableAndRouteAndQueryValuesArriveByName()
    {
        await using var harness = CreateHarness();

        var outcome = await harness.InvokeAsync(
            Create,
            TriggerInput.Http(
                "POST",
                "http://localhost/api/orders/5?x=1",
                body: "{\"qty\":2}",
                headers: [new("Content-Type", "application/json")],
                routeValues: new { id = "5" }),
            _timeout.Token);

        outcome.EnsureSucceeded();
        Assert.Equal("5", _recorder.Values["function.id"]);
        Assert.Equal(HttpStatusCode.Created, outcome.HttpResponse!.StatusCode);
        Assert.Equal("created 5 from {\"qty\":2} x=1", outcome.HttpResponse.Body);
        Assert.Equal("/api/orders/5", outcome.HttpResponse.Header("Location"));
        Assert.IsAssignableFrom<HttpResponseData>(outcome.InvocationResult);

        // Binding data holds route and query values by name, case-insensitively.
        var bindingData = outcome.Context.BindingContext.BindingData;
        Assert.Equal("5", bindingData["ID"]);
        Assert.Equal("1", bindingData["x"]);

        // Middleware reading the request before next gets the instance the function is given.
        Assert.Same(_recorder.Values["middleware.request"], _recorder.Values["function.request"]);
        Assert.Same(outcome.HttpRequest, _recorder.Values["function.request"]);
        Assert.Same(outcome.HttpResponse.Response, _recorder.Values["middleware.response"]);

        // The request bound by middleware is cached per parameter name, so converters are not asked for it again.
        Assert.Equal(
            ["converter:HttpRequestData:TestHttpRequestData", "converter:String:String"],
            _recorder.Events.Where(e => e.StartsWith("converter:", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task MultiOutputPocoHasItsHttpResponseInTheHttpOutputBinding()
    {
        await using var harness = CreateHarness();

        var outcome = await harness.InvokeAsync(CreateAndEnqueue, TriggerInput.Http("POST", "http://localhost/api/orders"), _timeout.Token);

        outcome.EnsureSucceeded();
        Assert.Null(outcome.InvocationResult);
        Assert.Equal("order-1", outcome.OutputBindings["Message"]);
        Assert.Equal(HttpStatusCode.Accepted, outcome.HttpResponse!.StatusCode);
        Assert.Equal("queued", outcome.HttpResponse.Body);
        Assert.Same(outcome.OutputBindings["Response"], outcome.HttpResponse.Response);

        var definition = outcome.Context.FunctionDefinition;
        Assert.Equal("http", definition.OutputBindings["Response"].Type);
        Assert.Equal("queue", definition.OutputBindings["Message"].Type);
        Assert.Equal("httpTrigger", definition.InputBindings["req"].Type);
    }

    [Fact]
    public async Task CancellationTokenGivenToTheHarnessReachesTheFunction()
    {
        await using var harness = CreateHarness();
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(_timeout.Token);

        var invocation = harness.InvokeAsync(Wait, TriggerInput.Queue("slow"), cts.Token);
        await cts.CancelAsync();
        var outcome = await invocation;

        var token = Assert.IsType<CancellationToken>(_recorder.Values["function.token"]);
        Assert.Equal(cts.Token, token);
        Assert.Equal(cts.Token, outcome.Context.CancellationToken);
        var aggregate = Assert.IsType<AggregateException>(outcome.Exception);
        Assert.IsAssignableFrom<OperationCanceledException>(Assert.Single(aggregate.InnerExceptions));
    }

    [Fact]
    public async Task QueueTriggerMetadataAndDefinitionLookLikeTheHosts()
    {
        await using var harness = CreateHarness();

        var outcome = await harness.InvokeAsync(
            Process,
            TriggerInput.Queue("m", new Dictionary<string, object?> { ["DequeueCount"] = "3" }).WithRetry(1, 5),
            _timeout.Token);

        outcome.EnsureSucceeded();
        var context = outcome.Context;
        Assert.Equal("m", context.BindingContext.BindingData["queueTrigger"]);
        Assert.Equal("3", context.BindingContext.BindingData["DequeueCount"]);
        Assert.Equal(1, context.RetryContext.RetryCount);
        Assert.Equal(5, context.RetryContext.MaxRetryCount);
        Assert.StartsWith("00-", context.TraceContext.TraceParent, StringComparison.Ordinal);
        Assert.Same(context, _recorder.Values["function.context"]);

        var definition = context.FunctionDefinition;
        Assert.Equal("ProcessOrder", definition.Name);
        Assert.Equal($"{typeof(QueueFunctions).FullName}.{nameof(QueueFunctions.Process)}", definition.EntryPoint);
        Assert.Equal(typeof(QueueFunctions).Assembly.Location, definition.PathToAssembly);
        Assert.Equal(["message", "widget", "context", "cancellationToken"], definition.Parameters.Select(p => p.Name));
        Assert.Equal("queueTrigger", Assert.Single(definition.InputBindings).Value.Type);
        Assert.Empty(definition.OutputBindings);
    }

    [Fact]
    public async Task TriggerCanBeDeclaredForAMethodWithoutTriggerAttribute()
    {
        await using var harness = CreateHarness();

        var outcome = await harness.InvokeAsync(
            Untyped,
            TriggerInput.Custom("timerTrigger", "tick", new Dictionary<string, object?> { ["source"] = "test" }, parameterName: "payload"),
            _timeout.Token);

        outcome.EnsureSucceeded();
        Assert.Equal("tick:test", outcome.InvocationResult);
        Assert.Equal("timerTrigger", outcome.Context.FunctionDefinition.InputBindings["payload"].Type);
    }

    [Fact]
    public async Task HostedServicesStartBeforeTheFirstInvocationAndStopOnDispose()
    {
        var harness = CreateHarness(services => services.AddHostedService<StartupProbe>());
        await using (harness)
        {
            (await harness.InvokeAsync(Process, TriggerInput.Queue("a"), _timeout.Token)).EnsureSucceeded();
            (await harness.InvokeAsync(Process, TriggerInput.Queue("b"), _timeout.Token)).EnsureSucceeded();
        }

        var events = _recorder.Events.ToList();
        Assert.Equal(0, events.IndexOf("hosted:start"));
        Assert.Single(events, e => e == "hosted:start");
        Assert.Equal("hosted:stop", events[^1]);
    }

    [Fact]
    public async Task LibraryPlugsIntoTheHarnessPipeline()
    {
        await using var harness = FunctionTestHost.Create(
            worker =>
            {
                // The function's Widget parameter is bound by this converter; without one, startup checks reject it.
                worker.Services.Configure<WorkerOptions>(o => o.InputConverters.Register<WidgetConverter>());
                worker.UseYieldDependencies(deps => deps.FunctionAssemblies.Clear());
            },
            services => services.AddSingleton(_recorder).AddScoped<ScopedDependency>());

        var outcome = await harness.InvokeAsync(Process, TriggerInput.Queue("with library"), _timeout.Token);

        outcome.EnsureSucceeded();
        Assert.Equal("processed with library", outcome.InvocationResult);
        Assert.Equal(typeof(YieldDepsWorkerExtensions).Assembly, harness.Services.GetRequiredService<IFunctionActivator>().GetType().Assembly);
    }
}
