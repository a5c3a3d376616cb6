using System.Diagnostics;
using System.Diagnostics.Metrics;
using BenchmarkDotNet.Attributes;
using YieldDeps.Benchmarks.Chain;
using YieldDeps.Benchmarks.Engine;

namespace YieldDeps.Benchmarks;

/// <summary>
/// What the spans and metrics cost one successful invocation over the chain A &lt;- B &lt;- C (async iterators).
/// The baseline is the same engine with its telemetry taken out (built with <c>telemetry: false</c>, so not
/// even the question "does anybody listen" is asked); <see cref="NobodyListening"/> is what every app without
/// OpenTelemetry runs, and should be within noise of it; <see cref="Listening"/> records every span and measurement.
/// </summary>
[MemoryDiagnoser]
public class TelemetryBenchmarks
{
    private EngineChain _withoutTelemetry = null!;
    private EngineChain _withTelemetry = null!;
    private ActivityListener? _activities;
    private MeterListener? _meters;

    [GlobalSetup]
    public void Setup()
    {
        _withoutTelemetry = new EngineChain(AsyncIteratorChain.Register, telemetry: false);
        _withTelemetry = new EngineChain(AsyncIteratorChain.Register);
    }

    [GlobalSetup(Target = nameof(Listening))]
    public void SetupListening()
    {
        Setup();
        _activities = new ActivityListener
        {
            ShouldListenTo = source => source.Name == YieldDepsTelemetry.SourceName,
            Sample = static (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(_activities);
        _meters = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == YieldDepsTelemetry.SourceName)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        _meters.SetMeasurementEventCallback<long>(static (_, _, _, _) => { });
        _meters.SetMeasurementEventCallback<double>(static (_, _, _, _) => { });
        _meters.Start();
    }

    [GlobalCleanup(Target = nameof(Listening))]
    public void CleanupListening()
    {
        _activities?.Dispose();
        _meters?.Dispose();
    }

    [Benchmark(Baseline = true)]
    public ValueTask<int> WithoutTelemetryCode() => _withoutTelemetry.RunAsync(Body.Run);

    [Benchmark]
    public ValueTask<int> NobodyListening() => _withTelemetry.RunAsync(Body.Run);

    [Benchmark]
    public ValueTask<int> Listening() => _withTelemetry.RunAsync(Body.Run);
}
