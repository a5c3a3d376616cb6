using System.Diagnostics;
using YieldDeps.Testing;

namespace YieldDeps.Telemetry.Tests;

/// <summary>
/// An HTTP invocation that failed is answered with a problem, so the worker reports it as succeeded: YieldDeps puts
/// the outcome on the worker's invocation span, and marks it as an error when the answer is a server error.
/// </summary>
public sealed class InvocationSpanTests
{
    private const string HostTagsItem = "AzureFunctions_ActivityTags";

    private static TelemetryHost Create() => new(deps =>
    {
        deps.Add(Dependencies.Open);
        deps.Add(Dependencies.Begin);
    }, TestHttpModel.AspNetCore);

    private static Task<FunctionTestResult> Post(TelemetryHost host, string function, string route) =>
        host.Worker.InvokeAsync(typeof(Functions).GetMethod(function)!, TriggerInput.Http("POST", $"http://localhost/api/{route}"));

    [Fact]
    public async Task AServerErrorAnsweredWithAProblem_MarksTheInvocationSpanAsAnError_WithTheException()
    {
        await using var host = Create();

        var result = await Post(host, nameof(Functions.HttpCrash), "crash");

        Assert.Null(result.Exception);
        Assert.Equal(500, (int)result.HttpResponse!.StatusCode);
        var span = host.InvocationSpan(result);
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal("the function failed", span.StatusDescription);
        Assert.Equal("System.InvalidOperationException", span.GetTagItem("error.type"));
        Assert.Equal("faulted", span.GetTagItem("yielddeps.invocation.outcome"));
        Assert.Single(span.Events, e => e.Name == "exception");

        // The worker hands the tags of its invocation span to the host, so its telemetry shows the outcome as well.
        var forwarded = Assert.IsAssignableFrom<IEnumerable<KeyValuePair<string, string>>>(result.Context.Items[HostTagsItem]);
        Assert.Contains(new KeyValuePair<string, string>("yielddeps.invocation.outcome", "faulted"), forwarded);
        Assert.Contains(new KeyValuePair<string, string>("error.type", "System.InvalidOperationException"), forwarded);
    }

    [Fact]
    public async Task AClientErrorAnsweredWithAProblem_TagsTheOutcome_ButIsNotASpanError()
    {
        await using var host = Create();

        var result = await Post(host, nameof(Functions.HttpConflict), "conflict");

        Assert.Equal(409, (int)result.HttpResponse!.StatusCode);
        var span = host.InvocationSpan(result);
        Assert.Equal(ActivityStatusCode.Unset, span.Status);
        Assert.Equal("faulted", span.GetTagItem("yielddeps.invocation.outcome"));
        Assert.Null(span.GetTagItem("error.type"));
        Assert.All(host.DependencySpans(result).Skip(2), s => Assert.Equal("disposed", s.GetTagItem("yielddeps.teardown.outcome")));
    }

    [Fact]
    public async Task ASucceededInvocation_LeavesTheInvocationSpanAlone()
    {
        await using var host = Create();

        var result = await Post(host, nameof(Functions.HttpOk), "ok");

        Assert.Equal(200, (int)result.HttpResponse!.StatusCode);
        var span = host.InvocationSpan(result);
        Assert.Equal(ActivityStatusCode.Unset, span.Status);
        Assert.Null(span.GetTagItem("yielddeps.invocation.outcome"));
        Assert.Equal(4, host.DependencySpans(result).Count);
    }
}
