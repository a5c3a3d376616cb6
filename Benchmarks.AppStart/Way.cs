namespace YieldDeps.Benchmarks.AppStart;

/// <summary>How a run starts the sample.</summary>
internal enum Way
{
    /// <summary>In the measuring process, through FunctionsApplicationFactory&lt;Program&gt;.</summary>
    Factory,

    /// <summary>Out of process, LocalHost and the worker, through LocalFunctionsHost (the baseline).</summary>
    LocalHost,
}
