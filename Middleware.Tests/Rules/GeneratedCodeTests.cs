using System.Diagnostics;
using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using YieldDeps.Engine;
using YieldDeps.Functions;
using YieldDeps.Testing;
using YieldDeps.Tests.Fixtures;
using static YieldDeps.Tests.Fixtures.FunctionMethods;

namespace YieldDeps.Tests.Rules;

/// <summary>
/// Which code a function runs on: the source generator's, when it wrote a case for every dependency the function sets
/// up, or the run-time engine's. This project builds with the generator, and CI runs it a second time with the
/// setting that turns generated code off (YieldDeps__GeneratedCode=false), so every contract test here runs on both.
/// </summary>
public sealed class GeneratedCodeTests
{
    /// <summary>Gets a value indicating whether this run has generated code turned off by the setting.</summary>
    private static bool TurnedOff =>
        string.Equals(Environment.GetEnvironmentVariable("YieldDeps__GeneratedCode"), "false", StringComparison.OrdinalIgnoreCase);

    [Fact]
    public async Task AFunctionWhoseDependenciesTheGeneratorSaw_RunsOnGeneratedCode_UnlessTheSettingTurnsItOff()
    {
        await using var worker = Workers.Chain(out var journal, out _);
        var plan = await InvokeAsync(worker, nameof(ChainFunctions.Queue));

        Assert.Equal(!TurnedOff, plan.Generated);
        Assert.Equal(["finally C", "finally B", "finally A"], journal.StartingWith("finally").Select(e => e[..9]));

        // Generated code calls the factories itself: the run-time engine's compiled calls are never made.
        foreach (var node in plan.Nodes)
        {
            Assert.Equal(TurnedOff, Compiled(node.Descriptor));
        }
    }

    [Fact]
    public async Task ALambdaAmongTheDependencies_PutsTheFunctionOnTheRuntimeEngine_AndTheDebugLogSaysWhich()
    {
        var logs = new LogCapture();
        await using var worker = Workers.Create(
            deps =>
            {
                deps.Add<A>((Journal journal, Faults faults, InvocationOutcome outcome) => Chain.EnterA(journal, faults, outcome));
                deps.Add(Chain.EnterB).Add(Chain.EnterC);
            },
            out var journal,
            out _,
            s => s.AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Debug)));

        var plan = await InvokeAsync(worker, nameof(ChainFunctions.Queue));

        Assert.False(plan.Generated);
        Assert.Equal(["finally C", "finally B", "finally A"], journal.StartingWith("finally").Select(e => e[..9]));
        var entry = Assert.Single(logs.Entries, e => e.EventId == 15 && e.Message.Contains($"'{plan.FunctionName}'", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Debug, entry.Level);
        Assert.Contains(TurnedOff ? "generated code is turned off" : "the generator wrote no code for dependency 'A'", entry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UseGeneratedCodeOff_PutsEveryFunctionOnTheRuntimeEngine()
    {
        await using var worker = Workers.Chain(out var journal, out _, deps => deps.UseGeneratedCode = false);

        var plan = await InvokeAsync(worker, nameof(ChainFunctions.Queue));

        Assert.False(plan.Generated);
        Assert.Equal(["finally C", "finally B", "finally A"], journal.StartingWith("finally").Select(e => e[..9]));
    }

    [Fact]
    public async Task EverySetupAndTeardownSpan_SaysWhichCodeRanIt()
    {
        var spans = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == YieldDepsTelemetry.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                lock (spans)
                {
                    spans.Add(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        await using var worker = Workers.Chain(out _, out _);

        // Other tests run at the same time: this test's spans are those of its own trace.
        using var test = new Activity(nameof(EverySetupAndTeardownSpan_SaysWhichCodeRanIt)).Start();
        var plan = await InvokeAsync(worker, nameof(ChainFunctions.Queue));

        List<Activity> ours;
        lock (spans)
        {
            ours = [.. spans.Where(s => s.TraceId == test.TraceId && s.GetTagItem(DependencyTelemetry.DependencyTag) is "Chain.EnterB")];
        }

        Assert.Equal(2, ours.Count);
        Assert.All(ours, span => Assert.Equal(TurnedOff ? "runtime" : "generated", span.GetTagItem(DependencyTelemetry.PlanTag)));
    }

    private static async Task<InvocationPlan> InvokeAsync(FunctionTestHost worker, string function)
    {
        var method = Method<ChainFunctions>(function);
        var context = (await worker.InvokeAsync(method, TriggerInput.Queue("m"))).EnsureSucceeded().Context;
        return worker.Services.GetRequiredService<FunctionPlanCache>().Get(context).Plan;
    }

    private static bool Compiled(DependencyDescriptor descriptor) =>
        typeof(DependencyDescriptor).GetField("_create", BindingFlags.Instance | BindingFlags.NonPublic)!.GetValue(descriptor) is not null;
}
