using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace YieldDeps.EntityFrameworkCore;

/// <summary>
/// Reports verified commits under <see cref="YieldDepsTelemetry.SourceName"/>: the counter
/// <c>yielddeps.commit_verifications</c>, tagged with the unit of work and the verdict, and the same tags on the
/// current activity (the unit of work's teardown span when traced).
/// </summary>
internal static class CommitVerificationTelemetry
{
    public const string VerdictTag = "yielddeps.commit.verification";
    public const string DependencyTag = "yielddeps.dependency.name";

    private static readonly Counter<long> Verifications = new Meter(YieldDepsTelemetry.SourceName).CreateCounter<long>(
        "yielddeps.commit_verifications", "{verification}",
        "Commits whose outcome was unknown and checked on a fresh connection, by verdict (committed, not_committed, unknown).");

    public static void Record(string unitOfWork, CommitVerdict verdict)
    {
        var value = Name(verdict);
        if (Verifications.Enabled)
        {
            Verifications.Add(1, new KeyValuePair<string, object?>(DependencyTag, unitOfWork), new KeyValuePair<string, object?>(VerdictTag, value));
        }

        Activity.Current?.SetTag(VerdictTag, value);
    }

    public static string Name(CommitVerdict verdict) => verdict switch
    {
        CommitVerdict.Committed => "committed",
        CommitVerdict.NotCommitted => "not_committed",
        _ => "unknown",
    };
}
