using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using YieldDeps.Functions;
using YieldDeps.Testing;
using YieldDeps.Tests.Fixtures;
using static YieldDeps.Tests.Fixtures.FunctionMethods;

namespace YieldDeps.Tests.Rules;

/// <summary>
/// CONTRACT 8.11, in an app without request-scoped dependencies: a response that fails while it is written, after the
/// function-scoped teardown, is explained by event ResponseAfterTeardown. A middleware stands in for the ASP.NET Core
/// integration's, writing the function's result after the inner pipeline returned.
/// </summary>
public sealed class ResponseAfterTeardownTests
{
    private static readonly MethodInfo Export = Method(typeof(LazyRowFunctions), nameof(LazyRowFunctions.Export));

    private static FunctionTestHost Create(LogCapture logs, bool clientGone = false)
    {
        var httpContext = new DefaultHttpContext();
        return FunctionTestHost.Create(
            worker =>
            {
                worker.UseMiddleware(async (context, next) =>
                {
                    context.Items["HttpRequestContext"] = httpContext;
                    await next();
                    if (context.GetInvocationResult().Value is LazyRows rows)
                    {
                        if (clientGone)
                        {
                            throw new OperationCanceledException("The client went away.");
                        }

                        await rows.WriteAsync();
                    }
                });
                worker.UseYieldDependencies(deps =>
                {
                    deps.FunctionAssemblies.Clear();
                    deps.Add(RequestScoped.OpenSession);
                });

                // The stand-in above is not the integration's own middleware: say that the app uses the integration.
                worker.Services.AddSingleton(services => PipelineFacts.Of(services) with { UsesAspNetCoreIntegration = true });
            },
            s => s.AddSingleton(new Journal()).AddSingleton(new Faults()).AddLogging(b => b.AddProvider(logs)));
    }

    [Fact]
    public async Task AResponseThatFailsAfterTheTeardown_IsExplained_NamingTheFunctionTheDependencyAndTheFix()
    {
        var logs = new LogCapture();
        await using var worker = Create(logs);

        var result = await worker.InvokeAsync(Export, TriggerInput.Http("GET", "http://localhost/api/export"));

        // The failure still goes to the host.
        Assert.IsType<InvalidOperationException>(result.Exception);
        var entry = Assert.Single(logs.Entries, e => e.EventId == 14);
        Assert.Equal(LogLevel.Error, entry.Level);
        Assert.Same(result.Exception, entry.Exception);
        Assert.StartsWith("Function 'LazyRowFunctions.Export' (invocation ", entry.Message, StringComparison.Ordinal);
        Assert.Contains("writing the response failed after dependencies 'RequestScoped.OpenSession' (StreamSession) were torn down", entry.Message, StringComparison.Ordinal);
        Assert.Contains("register them with o => o.Scope = DependencyScope.Request", entry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AClientThatWentAwayWhileTheResponseWasWritten_IsNotExplainedSo()
    {
        var logs = new LogCapture();
        await using var worker = Create(logs, clientGone: true);

        var result = await worker.InvokeAsync(Export, TriggerInput.Http("GET", "http://localhost/api/export"));

        Assert.IsType<OperationCanceledException>(result.Exception);
        Assert.DoesNotContain(logs.Entries, e => e.EventId == 14);
    }
}
