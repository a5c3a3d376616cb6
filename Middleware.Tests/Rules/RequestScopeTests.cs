using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using YieldDeps.Functions;
using YieldDeps.Testing;
using YieldDeps.Tests.Fixtures;
using static YieldDeps.Tests.Fixtures.FunctionMethods;

namespace YieldDeps.Tests.Rules;

/// <summary>
/// SEMANTICS section 8: the opt-in request scope. In-process, a middleware stands in for the ASP.NET Core
/// integration's: it hands the HttpContext in, and writes the function's result after the inner pipeline returned.
/// The end-to-end tests check the same on the wire with the real integration.
/// </summary>
public sealed class RequestScopeTests
{
    private static readonly MethodInfo Export = Method<StreamFunctions>(nameof(StreamFunctions.Export));

    private static FunctionTestHost Create(
        out Journal journal,
        out Faults faults,
        LogCapture? logs = null,
        CancellationTokenSource? client = null,
        Func<InvocationOutcome, bool>? failWhen = null)
    {
        var j = journal = new Journal();
        var f = faults = new Faults();
        var httpContext = new DefaultHttpContext { RequestAborted = client?.Token ?? CancellationToken.None };
        return FunctionTestHost.Create(
            worker =>
            {
                worker.UseMiddleware(async (context, next) =>
                {
                    context.Items["HttpRequestContext"] = httpContext;
                    try
                    {
                        await next();
                        if (context.GetInvocationResult().Value is StreamedRows rows)
                        {
                            j.Add("response started");
                            await rows.WriteAsync(httpContext.RequestAborted);
                        }
                    }
                    finally
                    {
                        // As the integration does: the request completes here, and its HttpContext is finished
                        // before any outer code runs.
                        httpContext.Uninitialize();
                    }
                });
                worker.UseYieldDependencies(deps =>
                {
                    deps.FunctionAssemblies.Clear();
                    deps.FailWhen = failWhen;
                    RequestScoped.Register(deps);
                });
            },
            s =>
            {
                s.AddSingleton(j).AddSingleton(f);
                if (logs is not null)
                {
                    s.AddLogging(b => b.AddProvider(logs));
                }
            });
    }

    private static Task<FunctionTestResult> GetAsync(FunctionTestHost worker, MethodInfo method) =>
        worker.InvokeAsync(method, TriggerInput.Http("GET", "http://localhost/api/export"));

    [Fact]
    public async Task RequestScoped_StaysOpenUntilTheResponseIsWritten_WhileFunctionScopedOnesCloseBeforeIt()
    {
        await using var worker = Create(out var journal, out _);

        var result = await GetAsync(worker, Export);

        result.EnsureSucceeded();
        Assert.Equal(
            [
                "open session", "enter audit", "body", "exit audit, session open: True",
                "response started", "write row 1, session open: True", "write row 2, session open: True",
                "commit session", "close session (Succeeded)", "outcome Succeeded - 200",
            ],
            journal.Entries);
    }

    [Fact]
    public async Task AFunctionThatFailsBeforeReturning_GetsTheNormalProblemResponse_AndTheRequestScopedRollBackFirst()
    {
        await using var worker = Create(out var journal, out _);

        var result = await GetAsync(worker, Method<StreamFunctions>(nameof(StreamFunctions.Rejects)));

        Assert.Equal(409, (int)result.HttpResponse!.StatusCode);
        Assert.Equal(["open session", "close session (Faulted)"], journal.Entries);
    }

    [Fact]
    public async Task AClientThatDisconnectsMidStream_MakesTheOutcomeCancelled_AndTheSessionRollsBack_WithoutAnError()
    {
        using var client = new CancellationTokenSource();
        var logs = new LogCapture();
        await using var worker = Create(out var journal, out var faults, logs, client);
        faults.CancelDuringBody = client;

        var result = await GetAsync(worker, Export);

        Assert.Null(result.Exception);
        Assert.Equal(["write row 1, session open: True"], journal.StartingWith("write"));
        Assert.DoesNotContain("commit session", journal.Entries);
        Assert.Equal(["close session (Cancelled)", "outcome Cancelled OperationCanceledException 200"], journal.Entries.TakeLast(2));
        Assert.DoesNotContain(logs.Entries, e => e.Level >= LogLevel.Error);
        Assert.Contains(logs.Entries, e => e.Category == "YieldDeps" && e.EventId == 10);
    }

    [Fact]
    public async Task AClientThatDisconnectsWhileTheStreamWaits_IsSeenAsGone_EvenWhenTheStreamsOwnCancellationRunsTheFinisherFirst()
    {
        // Callbacks on a token run last registered first: the stream's wait ends, and the invocation with it, before the
        // callback the middleware registered when it deferred the teardown has run. The token itself says the client left.
        using var client = new CancellationTokenSource();
        var logs = new LogCapture();
        await using var worker = Create(out var journal, out var faults, logs, client);
        var waiting = faults.WaitingForClient = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var invocation = Task.Run(() => GetAsync(worker, Export));
        await waiting.Task;
        var hangUp = Task.Run(client.Cancel);
        var result = await invocation;
        await hangUp;

        Assert.DoesNotContain("commit session", journal.Entries);
        Assert.Equal(["close session (Cancelled)", "outcome Cancelled TaskCanceledException 200"], journal.Entries.TakeLast(2));
        Assert.Null(result.Exception);
        Assert.DoesNotContain(logs.Entries, e => e.Level >= LogLevel.Error);
    }

    [Fact]
    public async Task AFailureWhileTheResponseIsWritten_RollsTheSessionBack_AndGoesToTheHost()
    {
        await using var worker = Create(out var journal, out var faults);
        faults.BodyFails = true;

        var result = await GetAsync(worker, Export);

        Assert.IsType<BodyFailedException>(result.Exception);
        Assert.DoesNotContain("commit session", journal.Entries);
        Assert.Equal(["close session (Faulted)", "outcome Faulted BodyFailedException 200"], journal.Entries.TakeLast(2));
    }

    [Fact]
    public async Task ATeardownFailingAfterTheResponseStarted_IsLoggedAsAnErrorNamingTheDependency_AndShowsOnTheOutcome()
    {
        var logs = new LogCapture();
        await using var worker = Create(out var journal, out var faults, logs);
        faults.CommitFailsAt = "session";

        var result = await GetAsync(worker, Export);

        // The status was sent already: nothing is rethrown to change it.
        Assert.Null(result.Exception);
        Assert.Equal("outcome Faulted CommitFailedException 200", journal.Entries[^1]);
        var logged = Assert.Single(logs.Entries, e => e.Category == "YieldDeps" && e.Level == LogLevel.Error);
        Assert.Equal(4, logged.EventId);
        Assert.Contains("RequestScoped.OpenSession", logged.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RequestScoped_OnANonHttpTrigger_IsTornDownBeforeTheInvocationEnds_LikeTheDefault()
    {
        await using var worker = Create(out var journal, out _);

        var result = await worker.InvokeAsync(Method<StreamFunctions>(nameof(StreamFunctions.Queue)), TriggerInput.Queue("m"));

        result.EnsureSucceeded();
        Assert.Equal(["open session", "body", "commit session", "close session (Succeeded)"], journal.Entries);
    }

    [Fact]
    public async Task RequestScoped_DependingOnFunctionScoped_FailsStartup_NamingBothAndTheChain()
    {
        var services = new ServiceCollection();
        services.AddLogging().AddSingleton(new Journal()).AddSingleton(new Faults());
        services.AddYieldDependencies(deps =>
        {
            deps.FunctionAssemblies.Clear();
            RequestScoped.Register(deps);
            deps.Add(RequestScoped.OpenCursor, o => o.Scope = DependencyScope.Request);
            deps.Add(RequestScoped.OpenExporter, o => o.Scope = DependencyScope.Request);
        });
        await using var provider = services.BuildServiceProvider();

        var error = await Assert.ThrowsAsync<DependencyRegistrationException>(() => Assert.Single(provider.GetServices<IHostedService>()).StartAsync(CancellationToken.None));

        Assert.Contains(
            "Request-scoped dependency 'RequestScoped.OpenCursor' (Cursor) depends on function-scoped dependency 'RequestScoped.EnterAudit' (Audit) " +
            "(RequestScoped.OpenCursor -> RequestScoped.EnterAudit)",
            error.Message,
            StringComparison.Ordinal);
        Assert.Contains("(RequestScoped.OpenExporter -> RequestScoped.OpenCursor -> RequestScoped.EnterAudit)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RequestScoped_OnAnHttpFunction_OfTheBuiltInHttpModel_FailsStartup_NamingTheFunction()
    {
        var error = ValidateThisAssembly(aspNetCoreIntegration: false);

        Assert.Contains(
            "Function 'BuiltInExport': request-scoped dependency 'RequestScoped.OpenSession' (StreamSession) needs the ASP.NET Core integration",
            error.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void RequestScoped_OnAnHttpFunction_WithTheAspNetCoreIntegration_PassesThatCheck()
    {
        var error = ValidateThisAssembly(aspNetCoreIntegration: true);

        Assert.DoesNotContain("needs the ASP.NET Core integration", error.Message, StringComparison.Ordinal);
    }

    private static DependencyRegistrationException ValidateThisAssembly(bool aspNetCoreIntegration, Action<DependencyRegistry>? register = null)
    {
        // Other fixture functions of this assembly are deliberately broken, so validation fails either way; what
        // matters is which problems it reports.
        var builder = FunctionsApplication.CreateBuilder(["--Functions:Worker:HostEndpoint", "http://127.0.0.1:9"]);
        if (aspNetCoreIntegration)
        {
            builder.ConfigureFunctionsWebApplication();
        }

        builder.Services.AddSingleton(new Journal()).AddSingleton(new Faults());
        builder.UseYieldDependencies(deps =>
        {
            deps.FunctionAssemblies.Clear();
            RequestScoped.Register(deps);
            register?.Invoke(deps);
        });
        using var host = builder.Build();
        var catalog = host.Services.GetRequiredService<global::YieldDeps.Engine.DependencyCatalog>();
        var setup = host.Services.GetRequiredService<PipelineSetup>();
        var pipeline = host.Services.GetRequiredService<PipelineFacts>();
        return Assert.Throws<DependencyRegistrationException>(() => DependencyValidationService.Validate(catalog, setup, [typeof(RequestScopeTests).Assembly], pipeline));
    }

    [Fact]
    public async Task AResultAnAppWideRuleCountsAsAFailure_RollsTheRequestScopedBackBeforeTheResponse()
    {
        await using var worker = Create(out var journal, out _, failWhen: _ => true);

        var result = await GetAsync(worker, Export);

        Assert.Null(result.Exception);
        var closed = journal.Entries.ToList().IndexOf("close session (Faulted)");
        Assert.True(closed >= 0 && closed < journal.Entries.ToList().IndexOf("response started"), string.Join(", ", journal.Entries));
        Assert.DoesNotContain("commit session", journal.Entries);
    }

    [Fact]
    public void StartupChecks_ADependencyTakingTheHttpRequest_OnANonHttpTrigger_UnlessItIsNullable()
    {
        var required = ValidateThisAssembly(aspNetCoreIntegration: false, deps => deps.Add(RequestInfos.Required));
        var optional = ValidateThisAssembly(aspNetCoreIntegration: false, deps => deps.Add(RequestInfos.Optional));

        Assert.Contains(
            "Function 'QueueWantsRequest' is not an HTTP trigger, but dependency 'RequestInfos.Required' (RequestInfo) takes parameter 'request' of type HttpRequestData",
            required.Message,
            StringComparison.Ordinal);
        Assert.DoesNotContain("HttpWantsRequest", required.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("QueueWantsRequest", optional.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StartupChecks_AnAspNetCoreRequestType_NeedsTheIntegration()
    {
        var builtIn = ValidateThisAssembly(aspNetCoreIntegration: false, deps => deps.Add(RequestInfos.AspNetCore));
        var integrated = ValidateThisAssembly(aspNetCoreIntegration: true, deps => deps.Add(RequestInfos.AspNetCore));

        Assert.Contains("Function 'HttpWantsRequest': dependency 'RequestInfos.AspNetCore' (RequestInfo) takes parameter 'request' of type HttpRequest", builtIn.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Function 'HttpWantsRequest'", integrated.Message, StringComparison.Ordinal);
    }
}
