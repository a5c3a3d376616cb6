using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using YieldDeps.Testing;
using YieldDeps.Tests.Fixtures;
using static YieldDeps.Tests.Fixtures.FunctionMethods;

namespace YieldDeps.Tests.Rules;

/// <summary>SEMANTICS section 7: exceptions that carry a status keep it; a client that went away is not an error.</summary>
public sealed class StatusMappingTests
{
    private static FunctionTestHost Create(out Journal journal, LogCapture logs, HttpContext? httpContext = null)
    {
        var j = journal = new Journal();
        return FunctionTestHost.Create(
            worker =>
            {
                if (httpContext is not null)
                {
                    // Stands in for the ASP.NET Core integration's middleware, which hands the request's HttpContext in.
                    worker.UseMiddleware((context, next) =>
                    {
                        context.Items["HttpRequestContext"] = httpContext;
                        return next();
                    });
                }

                worker.UseYieldDependencies(deps =>
                {
                    deps.FunctionAssemblies.Clear();
                    deps.Add(OutcomeProbe.Watch);
                });
            },
            s => s.AddSingleton(j).AddLogging(b => b.AddProvider(logs)));
    }

    [Theory]
    [InlineData(nameof(StatusFunctions.TooLarge), 413, "Content Too Large")]
    [InlineData(nameof(StatusFunctions.Malformed), 400, "Bad Request")]
    public async Task FrameworkExceptionWithAStatus_KeepsItsStatus_AsProblemJson_AndRollsBack(string function, int status, string title)
    {
        var logs = new LogCapture();
        await using var worker = Create(out var journal, logs);

        var result = await worker.InvokeAsync(Method<StatusFunctions>(function), TriggerInput.Http("POST", "http://localhost/api/orders"));

        Assert.Null(result.Exception);
        Assert.Equal(status, (int)result.HttpResponse!.StatusCode);
        Assert.Equal("application/problem+json; charset=utf-8", result.HttpResponse.Header("Content-Type"));
        using var problem = JsonDocument.Parse(result.HttpResponse.Body);
        Assert.Equal(status, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Equal(title, problem.RootElement.GetProperty("title").GetString());
        Assert.DoesNotContain("BadHttpRequestException", result.HttpResponse.Body, StringComparison.Ordinal);
        Assert.Equal(["outcome Faulted BadHttpRequestException"], journal.Entries);
        Assert.DoesNotContain(logs.Entries, e => e.Category == "YieldDeps" && e.Level >= LogLevel.Error);
        Assert.Contains(logs.Entries, e => e.Category == "YieldDeps" && e.EventId == 11 && e.Exception is BadHttpRequestException);
    }

    [Fact]
    public async Task AStatusOnAnExceptionOutsideTheWebFramework_DescribesSomeoneElsesResponse_AndIsA500()
    {
        await using var worker = Create(out _, new LogCapture());

        var result = await worker.InvokeAsync(Method<StatusFunctions>(nameof(StatusFunctions.Downstream)), TriggerInput.Http("GET", "http://localhost/api/downstream"));

        Assert.Equal(500, (int)result.HttpResponse!.StatusCode);
    }

    [Fact]
    public async Task AClientThatWentAway_GetsNoResponse_TheOutcomeIsCancelled_TheDependenciesRollBack_AndNothingIsLoggedAsAnError()
    {
        using var aborted = new CancellationTokenSource();
        var httpContext = new DefaultHttpContext { RequestAborted = aborted.Token };
        await aborted.CancelAsync();
        var logs = new LogCapture();
        await using var worker = Create(out var journal, logs, httpContext);

        var result = await worker.InvokeAsync(Method<StatusFunctions>(nameof(StatusFunctions.ClientGone)), TriggerInput.Http("POST", "http://localhost/api/upload"));

        Assert.Null(result.Exception);
        Assert.Null(result.HttpResponse);
        Assert.Equal(["outcome Cancelled IOException"], journal.Entries);
        Assert.DoesNotContain(logs.Entries, e => e.Level >= LogLevel.Error);
        Assert.Contains(logs.Entries, e => e.Category == "YieldDeps" && e.EventId == 10 && e.Level == LogLevel.Information);
    }

    [Fact]
    public async Task TheSameErrorWithTheClientStillThere_IsAnOrdinaryFailure()
    {
        var logs = new LogCapture();
        await using var worker = Create(out var journal, logs, new DefaultHttpContext());

        var result = await worker.InvokeAsync(Method<StatusFunctions>(nameof(StatusFunctions.ClientGone)), TriggerInput.Http("POST", "http://localhost/api/upload"));

        Assert.Equal(500, (int)result.HttpResponse!.StatusCode);
        Assert.Equal(["outcome Faulted IOException"], journal.Entries);
    }
}
