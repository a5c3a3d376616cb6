namespace YieldDeps.Engine;

/// <summary>What the engine reports while it runs an invocation; the diagnostics layer turns it into logs (and later spans).</summary>
internal interface IDependencyEvents
{
    /// <summary>
    /// Gets a value indicating whether <see cref="Entered"/> and <see cref="Exited"/> of a resumed dependency are
    /// recorded at all (they are the detailed events). Asked once per invocation, so that an invocation nobody traces
    /// in detail makes none of those calls; a rolled-back exit is always reported.
    /// </summary>
    bool ReportsSteps { get; }

    void Entered(string function, DependencyDescriptor dependency);

    void Exited(string function, DependencyDescriptor dependency, bool resumed);

    void TeardownFailed(string function, DependencyDescriptor dependency, TeardownPhase phase, Exception exception, Exception? inFlight);

    void Replaced(string function, DependencyDescriptor dependency, Exception replaced, Exception replacement);
}
