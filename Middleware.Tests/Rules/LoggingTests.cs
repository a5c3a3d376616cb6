using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using YieldDeps.Testing;
using YieldDeps.Tests.Fixtures;
using static YieldDeps.Tests.Fixtures.FunctionMethods;

namespace YieldDeps.Tests.Rules;

/// <summary>The log events: fixed ids, the YieldDeps category, the dependency's name.</summary>
public sealed class LoggingTests
{
    [Fact]
    public async Task Events_EnteredExitedAndRolledBack_HaveFixedIdsAndNameTheDependency()
    {
        var logs = new LogCapture();
        await using var worker = Workers.Create(
            Chain.Register,
            out _,
            out var faults,
            s => s.AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Debug)));
        var method = Method<ChainFunctions>(nameof(ChainFunctions.Queue));

        (await worker.InvokeAsync(method, TriggerInput.Queue("ok"))).EnsureSucceeded();
        faults.BodyFails = true;
        await worker.InvokeAsync(method, TriggerInput.Queue("fail"));

        var ours = logs.Entries.Where(e => e.Category == "YieldDeps").ToList();
        Assert.Equal(["Chain.EnterA", "Chain.EnterB", "Chain.EnterC", "Chain.EnterA", "Chain.EnterB", "Chain.EnterC"], ours.Where(e => e.EventId == 1).Select(e => e.Message.Split('\'')[3]));
        Assert.Equal(["Chain.EnterC", "Chain.EnterB", "Chain.EnterA"], ours.Where(e => e.EventId == 2).Select(e => e.Message.Split('\'')[3]));
        Assert.Equal(["Chain.EnterC", "Chain.EnterB", "Chain.EnterA"], ours.Where(e => e.EventId == 3).Select(e => e.Message.Split('\'')[3]));
    }

    [Fact]
    public async Task DeliberateReplacement_IsLoggedAsAReplacementWarning_NotAsATeardownFailure_AndTheProblemAtInformation()
    {
        var logs = new LogCapture();
        await using var worker = Workers.Create(deps => deps.Add(Replacing.Conflict), out _, out var faults, s => s.AddLogging(b => b.AddProvider(logs)));
        faults.BodyFails = true;

        var result = await worker.InvokeAsync(Method<ReplacingFunctions>(nameof(ReplacingFunctions.Conflicted)), TriggerInput.Http("POST", "http://localhost/api/things"));

        Assert.Equal(409, (int)result.HttpResponse!.StatusCode);
        var ours = logs.Entries.Where(e => e.Category == "YieldDeps").ToList();
        Assert.DoesNotContain(ours, e => e.Level >= LogLevel.Error);
        var replaced = Assert.Single(ours, e => e.EventId == 5);
        Assert.Equal(LogLevel.Warning, replaced.Level);
        Assert.IsType<BodyFailedException>(replaced.Exception);
        var problem = Assert.Single(ours, e => e.EventId == 6);
        Assert.Equal(LogLevel.Information, problem.Level);
        Assert.Contains("answered HTTP 409", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AResultCountedAsAFailure_IsLoggedAsAWarning_WithTheInvocationIdAndStatus()
    {
        var logs = new LogCapture();
        await using var worker = Workers.Create(
            deps =>
            {
                deps.Add(OutcomeProbe.Watch);
                deps.FailWhen = outcome => outcome.HttpStatus >= 500;
            },
            out _,
            out _,
            s => s.AddLogging(b => b.AddProvider(logs)));

        var result = await worker.InvokeAsync(Method<EdgeFunctions>(nameof(EdgeFunctions.Unavailable)), TriggerInput.Http("POST", "http://localhost/api/unavailable"));

        Assert.Equal(503, (int)result.HttpResponse!.StatusCode);
        var counted = Assert.Single(logs.Entries, e => e.Category == "YieldDeps" && e.EventId == 12);
        Assert.Equal(LogLevel.Warning, counted.Level);
        Assert.Contains($"(invocation {result.Context.InvocationId}) answered HTTP 503", counted.Message, StringComparison.Ordinal);
    }
}
