using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Reflection;

namespace YieldDeps.Engine;

/// <summary>
/// The spans and metrics of the engine, under <see cref="YieldDepsTelemetry.SourceName"/>. Setup and teardown of a
/// dependency are separate spans, children of whatever activity is current (the worker's invocation activity), so a
/// trace reads as a timeline: the setups, the function, the teardowns in reverse order. Every method first asks
/// whether anybody listens and does nothing else when nobody does.
/// </summary>
internal sealed class DependencyTelemetry
{
    /// <summary>Names of the tags (attributes) YieldDeps sets, listed in the package README.</summary>
    public const string FunctionTag = "faas.name";
    public const string DependencyTag = "yielddeps.dependency.name";
    public const string StyleTag = "yielddeps.dependency.style";
    public const string ScopeTag = "yielddeps.dependency.scope";
    public const string TeardownOutcomeTag = "yielddeps.teardown.outcome";
    public const string TeardownPhaseTag = "yielddeps.teardown.phase";
    /// <summary>Which code ran the step: <c>generated</c> (the source generator's) or <c>runtime</c> (the run-time engine's).</summary>
    public const string PlanTag = "yielddeps.plan";
    public const string InvocationOutcomeTag = "yielddeps.invocation.outcome";
    public const string ErrorTypeTag = "error.type";

    private static readonly string Version =
        typeof(DependencyTelemetry).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? "0.0.0";

    private readonly ActivitySource _source = new(YieldDepsTelemetry.SourceName, Version);
    private readonly Counter<long> _invocations;
    private readonly Counter<long> _teardowns;
    private readonly Counter<long> _cleanupFailures;
    private readonly Counter<long> _deadlineOverruns;
    private readonly Histogram<double> _setupDuration;
    private readonly Histogram<double> _teardownDuration;

    private DependencyTelemetry()
    {
        var meter = new Meter(YieldDepsTelemetry.SourceName, Version);
        _invocations = meter.CreateCounter<long>("yielddeps.invocations", "{invocation}",
            "Invocations of functions with dependencies, by how they ended (succeeded, faulted, cancelled).");
        _teardowns = meter.CreateCounter<long>("yielddeps.teardowns", "{teardown}",
            "Dependency teardowns, by how they ended (resumed, disposed, failed, deadline_exceeded).");
        _cleanupFailures = meter.CreateCounter<long>("yielddeps.cleanup_failures", "{failure}",
            "Teardown failures attached to an exception already in flight rather than replacing it.");
        _deadlineOverruns = meter.CreateCounter<long>("yielddeps.deadline_overruns", "{overrun}",
            "Teardown steps abandoned because they overran the teardown timeout.");
        _setupDuration = DurationHistogram(meter, "yielddeps.setup.duration", "How long setting up a dependency took.");
        _teardownDuration = DurationHistogram(meter, "yielddeps.teardown.duration", "How long tearing down a dependency took.");
    }

    /// <summary>Gets the instance every invocation reports to.</summary>
    public static DependencyTelemetry Shared { get; } = new();

    /// <summary>
    /// Gets a value indicating whether anybody listens to the source or to any instrument. Asked once per
    /// invocation: when nobody does, the engine skips every other call.
    /// </summary>
    public bool IsObserved =>
        _source.HasListeners() || _invocations.Enabled || _teardowns.Enabled || _cleanupFailures.Enabled
        || _deadlineOverruns.Enabled || _setupDuration.Enabled || _teardownDuration.Enabled;

    /// <summary>Starts timing (and, when traced, the span of) the setup of <paramref name="dependency"/>.</summary>
    public TelemetryStep StartSetup(InvocationPlan plan, DependencyDescriptor dependency) =>
        Start("setup", plan, dependency, _setupDuration);

    /// <summary>Ends a setup step; <paramref name="error"/> is what it threw, if anything.</summary>
    public void EndSetup(in TelemetryStep step, DependencyDescriptor dependency, Exception? error)
    {
        if (step.Activity is { } activity)
        {
            if (error is not null)
            {
                MarkFailed(activity, error);
            }

            activity.Dispose();
        }

        if (step.Started != 0)
        {
            var tags = new TagList { { DependencyTag, dependency.Name } };
            if (error is not null)
            {
                tags.Add(ErrorTypeTag, ErrorType(error));
            }

            _setupDuration.Record(Stopwatch.GetElapsedTime(step.Started).TotalSeconds, tags);
        }
    }

    /// <summary>Starts timing (and, when traced, the span of) the teardown of <paramref name="dependency"/>.</summary>
    public TelemetryStep StartTeardown(InvocationPlan plan, DependencyDescriptor dependency) =>
        Start("teardown", plan, dependency, _teardownDuration);

    /// <summary>
    /// Ends a teardown step. <paramref name="error"/> is what the step threw (for <see cref="TeardownResult.Failed"/>
    /// and <see cref="TeardownResult.DeadlineExceeded"/>) or the exception in flight it rolled back for (for
    /// <see cref="TeardownResult.Disposed"/>).
    /// </summary>
    public void EndTeardown(in TelemetryStep step, DependencyDescriptor dependency, TeardownResult result, TeardownPhase? phase, Exception? error)
    {
        var outcome = OutcomeName(result);
        if (step.Activity is { } activity)
        {
            activity.SetTag(TeardownOutcomeTag, outcome);
            if (result is TeardownResult.Failed or TeardownResult.DeadlineExceeded && error is not null)
            {
                activity.SetTag(TeardownPhaseTag, phase?.ToString());
                MarkFailed(activity, error);
            }
            else if (error is not null)
            {
                // Rolled back: the teardown itself went well, the exception it saw is recorded for the reader.
                AddExceptionEvent(activity, error);
            }

            activity.Dispose();
        }

        if (_teardowns.Enabled)
        {
            _teardowns.Add(1, new TagList { { DependencyTag, dependency.Name }, { TeardownOutcomeTag, outcome } });
        }

        if (step.Started != 0)
        {
            _teardownDuration.Record(Stopwatch.GetElapsedTime(step.Started).TotalSeconds,
                new TagList { { DependencyTag, dependency.Name }, { TeardownOutcomeTag, outcome } });
        }
    }

    /// <summary>Counts a teardown failure that was attached to the exception in flight.</summary>
    public void CleanupFailure(DependencyDescriptor dependency)
    {
        if (_cleanupFailures.Enabled)
        {
            _cleanupFailures.Add(1, new TagList { { DependencyTag, dependency.Name } });
        }
    }

    /// <summary>Counts a teardown step abandoned at its deadline.</summary>
    public void DeadlineOverrun(DependencyDescriptor dependency)
    {
        if (_deadlineOverruns.Enabled)
        {
            _deadlineOverruns.Add(1, new TagList { { DependencyTag, dependency.Name } });
        }
    }

    /// <summary>Counts an invocation whose dependencies are all finished, by how it ended.</summary>
    public void InvocationEnded(string function, OutcomeStatus status)
    {
        if (_invocations.Enabled)
        {
            _invocations.Add(1, new TagList { { FunctionTag, function }, { InvocationOutcomeTag, OutcomeName(status) } });
        }
    }

    /// <summary>The value of <see cref="InvocationOutcomeTag"/> for <paramref name="status"/>.</summary>
    public static string OutcomeName(OutcomeStatus status) => status switch
    {
        OutcomeStatus.Succeeded => "succeeded",
        OutcomeStatus.Faulted => "faulted",
        OutcomeStatus.Cancelled => "cancelled",
        _ => "pending",
    };

    /// <summary>Marks <paramref name="activity"/> as failed with <paramref name="error"/>, as the conventions describe.</summary>
    public static void MarkFailed(Activity activity, Exception error)
    {
        activity.SetStatus(ActivityStatusCode.Error, error.Message);
        activity.SetTag(ErrorTypeTag, ErrorType(error));
        AddExceptionEvent(activity, error);
    }

    /// <summary>Records <paramref name="error"/> as an <c>exception</c> event with the conventional attributes.</summary>
    public static void AddExceptionEvent(Activity activity, Exception error)
    {
        if (!activity.IsAllDataRequested)
        {
            return;
        }

        activity.AddEvent(new ActivityEvent("exception", tags: new ActivityTagsCollection
        {
            { "exception.type", ErrorType(error) },
            { "exception.message", error.Message },
            { "exception.stacktrace", error.ToString() },
        }));
    }

    private static string ErrorType(Exception error) => error.GetType().FullName ?? error.GetType().Name;

    private static string OutcomeName(TeardownResult result) => result switch
    {
        TeardownResult.Resumed => "resumed",
        TeardownResult.Disposed => "disposed",
        TeardownResult.Failed => "failed",
        _ => "deadline_exceeded",
    };

    private static string StyleName(DependencyStyle style) => style switch
    {
        DependencyStyle.AsyncIterator => "async_iterator",
        DependencyStyle.SyncIterator => "iterator",
        DependencyStyle.Class => "class",
        _ => "factory",
    };

    private TelemetryStep Start(string step, InvocationPlan plan, DependencyDescriptor dependency, Histogram<double> duration)
    {
        Activity? activity = null;
        if (_source.HasListeners())
        {
            activity = _source.StartActivity($"{step} {dependency.Name}", ActivityKind.Internal);
            if (activity is { IsAllDataRequested: true })
            {
                activity.SetTag(FunctionTag, plan.FunctionName);
                activity.SetTag(DependencyTag, dependency.Name);
                activity.SetTag(StyleTag, StyleName(dependency.Style));
                activity.SetTag(ScopeTag, dependency.Scope == DependencyScope.Request ? "request" : "function");
                activity.SetTag(PlanTag, plan.Generated ? "generated" : "runtime");
            }
        }

        return new TelemetryStep(activity, duration.Enabled ? Stopwatch.GetTimestamp() : 0);
    }

    private static Histogram<double> DurationHistogram(Meter meter, string name, string description)
    {
#if NET9_0_OR_GREATER
        // Seconds, from half a millisecond to the default teardown timeout.
        return meter.CreateHistogram<double>(name, "s", description, tags: null, advice: new InstrumentAdvice<double>
        {
            HistogramBucketBoundaries = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
        });
#else
        return meter.CreateHistogram<double>(name, "s", description);
#endif
    }
}
