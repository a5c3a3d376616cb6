using Microsoft.Azure.Functions.Worker;

namespace YieldDeps.Testing;

/// <summary>
/// The in-process host drives internal types of Microsoft.Azure.Functions.Worker.Core (the application object, the
/// binding and conversion features), which may change in any release: it refuses a worker it was not built and
/// tested against, rather than misbehave.
/// </summary>
internal static class WorkerCompatibility
{
    /// <summary>
    /// The lowest supported Worker.Core version (YieldDepsWorkerFloor, the library's floor); CI tests the library and
    /// this kit on it.
    /// </summary>
    public static readonly Version Lowest = Version.Parse(BuildConstants.WorkerLowest);

    /// <summary>
    /// The first Worker.Core version past the supported range (YieldDepsTestingWorkerBeyond): the package's dependency
    /// is [Lowest, Beyond).
    /// </summary>
    public static readonly Version Beyond = Version.Parse(BuildConstants.WorkerBeyond);

    public static string SupportedRange => $"{Lowest.ToString(3)} to {Beyond.Major}.{Beyond.Minor - 1}.x";

    public static void EnsureSupported() => EnsureSupported(typeof(FunctionContext).Assembly.GetName().Version ?? new Version(0, 0));

    public static void EnsureSupported(Version workerCore)
    {
        var version = new Version(workerCore.Major, workerCore.Minor, Math.Max(workerCore.Build, 0));
        if (version < Lowest || version >= Beyond)
        {
            throw new NotSupportedException(
                $"FunctionTestHost runs the worker's own pipeline through internal types of Microsoft.Azure.Functions.Worker.Core, " +
                $"which change between releases. This YieldDeps.Testing supports Worker.Core {SupportedRange}; the app uses {version}. " +
                "Use a supported worker version, or a YieldDeps.Testing release that supports this one.");
        }
    }
}
