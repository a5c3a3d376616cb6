namespace YieldDeps;

/// <summary>The step of a dependency's teardown that failed.</summary>
public enum TeardownPhase
{
    /// <summary>The code after <c>yield return</c> (the invocation had succeeded).</summary>
    Resume = 0,

    /// <summary>The iterator's <c>finally</c> blocks and <c>using</c> disposals (the invocation had failed).</summary>
    Dispose = 1,

    /// <summary>The exit step of a class-style dependency.</summary>
    Exit = 2,

    /// <summary>The disposal of the provided value requested by <see cref="DependencyOptions.DisposeValue"/>.</summary>
    DisposeValue = 3,
}
