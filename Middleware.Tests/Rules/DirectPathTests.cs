using System.Text.Json;
using YieldDeps.Testing;
using YieldDeps.Tests.Fixtures;
using static YieldDeps.Tests.Fixtures.FunctionMethods;

namespace YieldDeps.Tests.Rules;

/// <summary>
/// Functions that need nothing from YieldDeps run straight through, decided once per function: no per-invocation
/// state, every parameter still bound by the worker, and HTTP triggers still get the HTTP mapping (7.1).
/// </summary>
public sealed class DirectPathTests
{
    [Fact]
    public async Task HttpFunction_WithoutDependencies_SkipsTheEngine_AndTheWorkerStillBindsEveryParameter()
    {
        await using var worker = Workers.Chain(out _, out _);

        var result = await worker.InvokeAsync(
            Method<DirectPathFunctions>(nameof(DirectPathFunctions.Echo)), TriggerInput.Http("GET", "http://localhost/api/echo?name=ada"));

        result.EnsureSucceeded();
        Assert.Equal(200, (int)result.HttpResponse!.StatusCode);
        Assert.Equal("ada|direct", result.HttpResponse.Body);
    }

    [Fact]
    public async Task HttpFunction_WithADependency_RunsThroughTheEngine()
    {
        await using var worker = Workers.Chain(out var journal, out _);

        var result = await worker.InvokeAsync(
            Method<DirectPathFunctions>(nameof(DirectPathFunctions.EchoWithDependency)), TriggerInput.Http("GET", "http://localhost/api/echo"));

        result.EnsureSucceeded();
        Assert.Equal("True|engine", result.HttpResponse!.Body);
        Assert.Contains("resume C", journal.Entries);
    }

    [Fact]
    public async Task HttpFunction_WithoutDependencies_StillMapsAProblemToItsResponse()
    {
        await using var worker = Workers.Chain(out _, out _);

        var result = await worker.InvokeAsync(
            Method<DirectPathFunctions>(nameof(DirectPathFunctions.Refuses)), TriggerInput.Http("GET", "http://localhost/api/refuses"));

        Assert.Null(result.Exception);
        Assert.Equal(409, (int)result.HttpResponse!.StatusCode);
        using var problem = JsonDocument.Parse(result.HttpResponse.Body);
        Assert.Equal("Already taken.", problem.RootElement.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task HttpFunction_WithoutDependencies_GoesThroughTheEngine_WhenAnAppWideRuleMustSeeItsResult()
    {
        var seen = new List<int?>();
        await using var worker = Workers.Create(
            deps =>
            {
                Chain.Register(deps);
                deps.FailWhen = outcome =>
                {
                    seen.Add(outcome.HttpStatus);
                    return false;
                };
            },
            out _,
            out _);

        var result = await worker.InvokeAsync(
            Method<DirectPathFunctions>(nameof(DirectPathFunctions.Echo)), TriggerInput.Http("GET", "http://localhost/api/echo?name=ada"));

        result.EnsureSucceeded();
        Assert.Equal("ada|engine", result.HttpResponse!.Body);
        Assert.Equal([200], seen);
    }

    [Fact]
    public async Task QueueFunction_WithoutDependencies_SkipsTheEngine_AndGetsItsTrigger()
    {
        await using var worker = Workers.Chain(out _, out _);

        var result = await worker.InvokeAsync(
            Method<DirectPathFunctions>(nameof(DirectPathFunctions.Queue)), TriggerInput.Custom("queueTrigger", "hello", parameterName: "message"));

        result.EnsureSucceeded();
        Assert.Equal("hello|direct", result.InvocationResult);
    }
}
