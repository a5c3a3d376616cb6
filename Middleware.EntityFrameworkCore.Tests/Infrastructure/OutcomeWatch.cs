namespace YieldDeps.EntityFrameworkCore.Tests.Infrastructure;

/// <summary>
/// A global dependency: set up before the unit of work, so torn down after it, it hands the probe what the unit of
/// work recorded on the invocation's outcome.
/// </summary>
public sealed class OutcomeWatch
{
    public static IEnumerable<OutcomeWatch> Watch(InvocationOutcome outcome, Probe probe)
    {
        try
        {
            yield return new OutcomeWatch();
        }
        finally
        {
            probe.SawVerifications(outcome.GetCommitVerifications());
        }
    }
}
