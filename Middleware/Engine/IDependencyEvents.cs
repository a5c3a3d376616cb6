namespace YieldDeps.Engine;

/// <summary>What the engine reports while it runs an invocation; the diagnostics layer turns it into logs (and later spans).</summary>
internal interface IDependencyEvents
{
    void Entered(string function, DependencyDescriptor dependency);

    void Exited(string function, DependencyDescriptor dependency, bool resumed);

    void TeardownFailed(string function, DependencyDescriptor dependency, TeardownPhase phase, Exception exception, Exception? inFlight);

    void Replaced(string function, DependencyDescriptor dependency, Exception replaced, Exception replacement);
}
