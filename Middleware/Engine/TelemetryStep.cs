using System.Diagnostics;

namespace YieldDeps.Engine;

/// <summary>A setup or teardown step being observed: its span (when traced) and its start (when timed, else 0).</summary>
internal readonly record struct TelemetryStep(Activity? Activity, long Started);
