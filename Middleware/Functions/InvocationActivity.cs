using System.Diagnostics;
using YieldDeps.Engine;

namespace YieldDeps.Functions;

/// <summary>
/// Makes a failure the worker cannot see visible on the invocation's own span. An HTTP invocation that failed is
/// answered with a problem response, so the worker and the host record it as succeeded; the span that encloses the
/// middleware (the worker's invocation activity, when anything records it) gets the outcome, and is marked as an
/// error when the answer is a server error, as the HTTP conventions of OpenTelemetry mark server spans. The worker
/// copies the tags of its invocation activity to the host, so they also reach the host's telemetry.
/// </summary>
internal static class InvocationActivity
{
    /// <summary>Records that the invocation ended with <paramref name="failure"/>; <paramref name="isError"/> marks the span as failed too.</summary>
    public static void Failed(Exception failure, OutcomeStatus status, bool isError)
    {
        var activity = Activity.Current;
        if (activity is null || !activity.IsAllDataRequested || activity.Source.Name == YieldDepsTelemetry.SourceName)
        {
            return;
        }

        activity.SetTag(DependencyTelemetry.InvocationOutcomeTag, DependencyTelemetry.OutcomeName(status));
        if (isError)
        {
            DependencyTelemetry.MarkFailed(activity, failure);
        }
    }

    /// <summary>Whether an HTTP answer marks the span as failed: server errors do, client errors do not.</summary>
    public static bool IsServerError(int? httpStatus) => httpStatus >= 500;
}
