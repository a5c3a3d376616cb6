using System.Runtime.CompilerServices;

namespace YieldDeps.EntityFrameworkCore;

/// <summary>
/// What the invocation's units of work found when they checked a commit whose outcome was unknown, on its
/// <see cref="InvocationOutcome"/>: for a dependency torn down after the unit of work (one set up before it, a global
/// one for example) and for the app's own middleware.
/// </summary>
public static class CommitVerificationOutcomeExtensions
{
    // Kept beside the outcome, and gone with it.
    private static readonly ConditionalWeakTable<InvocationOutcome, List<CommitVerification>> Verifications = new();

    /// <summary>Gets the commits of this invocation that were checked, in the order they were; empty when none was.</summary>
    /// <param name="outcome">The invocation's outcome.</param>
    /// <returns>The checked commits.</returns>
    public static IReadOnlyList<CommitVerification> GetCommitVerifications(this InvocationOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (!Verifications.TryGetValue(outcome, out var list))
        {
            return [];
        }

        lock (list)
        {
            return [.. list];
        }
    }

    internal static void Record(InvocationOutcome outcome, string unitOfWork, CommitVerdict verdict)
    {
        var list = Verifications.GetValue(outcome, static _ => []);
        lock (list)
        {
            list.Add(new CommitVerification(unitOfWork, verdict));
        }
    }
}
