namespace YieldDeps.Engine;

/// <summary>The per-invocation teardown of one entered dependency.</summary>
internal abstract class DependencyTeardown
{
    /// <summary>Finishes the dependency.</summary>
    /// <param name="failure">Null to resume (success, commit); otherwise the exception in flight (dispose, rollback).</param>
    /// <param name="deadline">The teardown budget; its token is fired only by the teardown timeout.</param>
    public abstract ValueTask ExitAsync(Exception? failure, TeardownDeadline deadline);
}
