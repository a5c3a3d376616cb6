using System.Diagnostics;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using YieldDeps.Testing;

namespace YieldDeps.Telemetry.Tests;

/// <summary>
/// A worker pipeline (<see cref="FunctionTestHost"/>) with the OpenTelemetry SDK set up as an app would: the worker's
/// own package (<c>UseFunctionsWorkerDefaults</c>), YieldDeps' source and meter, and in-memory exporters.
/// </summary>
internal sealed class TelemetryHost : IAsyncDisposable
{
    public const string WorkerSource = "Microsoft.Azure.Functions.Worker";

    private readonly List<Activity> _spans = [];
    private readonly List<Metric> _metrics = [];

    public TelemetryHost(Action<DependencyRegistry> register, TestHttpModel httpModel = TestHttpModel.BuiltIn)
        : this(register, time: null, httpModel)
    {
    }

    /// <summary>A host whose teardown deadlines run on <paramref name="time"/> (a fake clock, say) when given.</summary>
    public TelemetryHost(Action<DependencyRegistry> register, TimeProvider? time, TestHttpModel httpModel = TestHttpModel.BuiltIn)
    {
        Worker = FunctionTestHost.Create(
            worker => worker.UseYieldDependencies(deps =>
            {
                deps.FunctionAssemblies.Clear();
                register(deps);
            }),
            services =>
            {
                services.AddOpenTelemetry()
                    .UseFunctionsWorkerDefaults()
                    .WithTracing(tracing => tracing.AddSource(YieldDepsTelemetry.SourceName).AddInMemoryExporter(_spans))
                    .WithMetrics(metrics => metrics.AddMeter(YieldDepsTelemetry.SourceName).AddInMemoryExporter(_metrics));
                if (time is not null)
                {
                    services.AddSingleton(time);
                }
            },
            httpModel: httpModel);
    }

    public FunctionTestHost Worker { get; }

    /// <summary>A host of the fixture dependencies whose teardown deadline is <paramref name="budget"/> on <paramref name="clock"/>.</summary>
    public static TelemetryHost WithTeardownTimeout(TimeSpan budget, FakeTimeProvider clock) =>
        new(
            deps =>
            {
                Dependencies.Register(deps);
                deps.TeardownTimeout = budget;
            },
            clock);

    /// <summary>
    /// Runs an invocation whose teardown overruns its deadline on <paramref name="clock"/>, moving the clock on by the
    /// teardown budget until the invocation has ended: no real time is waited.
    /// </summary>
    public async Task<FunctionTestResult> InvokePastTheDeadlineAsync(FakeTimeProvider clock, string function, TimeSpan budget)
    {
        var pending = Worker.InvokeAsync(typeof(Functions).GetMethod(function)!, TriggerInput.Queue("1"));
        while (!pending.IsCompleted)
        {
            clock.Advance(budget);
            await Task.Yield();
        }

        return await pending;
    }

    /// <summary>The worker's invocation span of <paramref name="result"/>.</summary>
    public Activity InvocationSpan(FunctionTestResult result) =>
        _spans.Single(s => s.Source.Name == WorkerSource && Equals(s.GetTagItem("faas.execution") ?? s.GetTagItem("faas.invocation_id"), result.Context.InvocationId));

    /// <summary>YieldDeps' spans in the trace of <paramref name="result"/>, in the order they started.</summary>
    public IReadOnlyList<Activity> DependencySpans(FunctionTestResult result)
    {
        var trace = InvocationSpan(result).TraceId;
        return _spans.Where(s => s.Source.Name == YieldDepsTelemetry.SourceName && s.TraceId == trace).OrderBy(s => s.StartTimeUtc).ToList();
    }

    /// <summary>Exports the metrics now and returns the points of <paramref name="name"/> as (tags, sum or count).</summary>
    public IReadOnlyList<(IReadOnlyDictionary<string, object?> Tags, double Value)> Points(string name)
    {
        _metrics.Clear();
        Worker.Services.GetRequiredService<MeterProvider>().ForceFlush();
        var points = new List<(IReadOnlyDictionary<string, object?>, double)>();
        foreach (var metric in _metrics.Where(m => m.Name == name))
        {
            foreach (ref readonly var point in metric.GetMetricPoints())
            {
                var tags = new Dictionary<string, object?>();
                foreach (var tag in point.Tags)
                {
                    tags[tag.Key] = tag.Value;
                }

                var value = metric.MetricType switch
                {
                    MetricType.LongSum => point.GetSumLong(),
                    MetricType.Histogram => point.GetHistogramCount(),
                    _ => throw new InvalidOperationException($"{name} is a {metric.MetricType}"),
                };
                points.Add((tags, value));
            }
        }

        return points;
    }

    /// <summary>The value of <paramref name="name"/> for the points whose tags include every one of <paramref name="tags"/>.</summary>
    public double Sum(string name, params (string Key, object Value)[] tags) =>
        Points(name).Where(p => tags.All(t => p.Tags.TryGetValue(t.Key, out var v) && Equals(v, t.Value))).Sum(p => p.Value);

    public async ValueTask DisposeAsync() => await Worker.DisposeAsync();
}
