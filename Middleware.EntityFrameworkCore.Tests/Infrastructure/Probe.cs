using Microsoft.EntityFrameworkCore;

namespace YieldDeps.EntityFrameworkCore.Tests.Infrastructure;

/// <summary>What the test functions saw, for the tests to check: the context they got, and how far the body went.</summary>
public sealed class Probe
{
    private int _bodyRuns;

    public DbContext? Context { get; private set; }

    public bool SameAsScope { get; private set; }

    public int BodyRuns => _bodyRuns;

    /// <summary>Gets the checked commits an <see cref="OutcomeWatch"/> read from the outcome after the unit of work's teardown.</summary>
    public IReadOnlyList<CommitVerification>? Verifications { get; private set; }

    public void SawVerifications(IReadOnlyList<CommitVerification> verifications) => Verifications = verifications;

    /// <summary>Completes when a body that waits for cancellation has saved its row and starts waiting.</summary>
    public TaskCompletionSource Waiting { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Saw(DbContext context, bool sameAsScope)
    {
        Interlocked.Increment(ref _bodyRuns);
        Context = context;
        SameAsScope = sameAsScope;
    }
}
