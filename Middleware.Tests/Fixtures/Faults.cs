namespace YieldDeps.Tests.Fixtures;

/// <summary>Where a test wants the chain to fail; a singleton service of each test's worker.</summary>
public sealed class Faults
{
    /// <summary>Gets or sets the dependency ("A", "B", "C") whose setup throws <see cref="SetupFailedException"/>.</summary>
    public string? SetupFailsAt { get; set; }

    /// <summary>Gets or sets the dependency whose code after yield (commit) throws <see cref="CommitFailedException"/>.</summary>
    public string? CommitFailsAt { get; set; }

    /// <summary>Gets or sets the dependency whose finally (rollback) throws <see cref="RollbackFailedException"/>.</summary>
    public string? RollbackFailsAt { get; set; }

    public bool BodyFails { get; set; }

    /// <summary>Gets or sets a source the function body cancels (the invocation's token comes from it), then returns normally.</summary>
    public CancellationTokenSource? CancelDuringBody { get; set; }

    /// <summary>Gets or sets a source a streamed response completes once it waits for its client, after the first row.</summary>
    public TaskCompletionSource? WaitingForClient { get; set; }
}

public sealed class SetupFailedException(string name) : Exception($"setup of {name} failed");

public sealed class CommitFailedException(string name) : Exception($"commit of {name} failed");

public sealed class RollbackFailedException(string name) : Exception($"rollback of {name} failed");

public sealed class BodyFailedException() : Exception("the body failed");
