namespace YieldDeps.Engine;

/// <summary>How the teardown of one dependency ended, as telemetry reports it.</summary>
internal enum TeardownResult
{
    /// <summary>The function succeeded and the dependency ran the code after its yield (committed).</summary>
    Resumed,

    /// <summary>Something failed and the dependency was disposed without resuming (rolled back).</summary>
    Disposed,

    /// <summary>A teardown step threw.</summary>
    Failed,

    /// <summary>A teardown step did not finish within the teardown timeout.</summary>
    DeadlineExceeded,
}
