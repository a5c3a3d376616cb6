namespace YieldDeps;

/// <summary>
/// The names under which YieldDeps reports what it does: one <see cref="System.Diagnostics.ActivitySource"/> and one
/// <see cref="System.Diagnostics.Metrics.Meter"/>, both named <see cref="SourceName"/>. With OpenTelemetry, subscribe
/// with <c>tracing.AddSource(YieldDepsTelemetry.SourceName)</c> and <c>metrics.AddMeter(YieldDepsTelemetry.SourceName)</c>.
/// Nothing is recorded, and nothing is paid, while nobody listens.
/// </summary>
public static class YieldDepsTelemetry
{
    /// <summary>The name of the activity source and of the meter: <c>YieldDeps</c>.</summary>
    public const string SourceName = "YieldDeps";
}
