using System.Diagnostics;
using System.Runtime.InteropServices;

namespace YieldDeps.Benchmarks.Interleaved;

/// <summary>
/// What a batch is timed with: the wall clock, or (on Linux, the default there) the CPU time of the measuring
/// thread, which a machine shared with other work inflates far less, since time the thread spends preempted does
/// not count. Every variant runs on the measuring thread (their work completes without waiting), so its CPU time is
/// the invocation's cost, garbage collections it triggers included.
/// </summary>
internal static partial class BatchClock
{
    private const int ClockThreadCpuTime = 3;

    public static bool UseThreadCpuTime { get; set; } = OperatingSystem.IsLinux();

    public static string Description => UseThreadCpuTime ? "thread CPU time" : "wall clock";

    /// <summary>Gets the current reading in nanoseconds.</summary>
    public static double Now()
    {
        if (UseThreadCpuTime && ClockGetTime(ClockThreadCpuTime, out var time) == 0)
        {
            return (time.Seconds * 1e9) + time.Nanoseconds;
        }

        return Stopwatch.GetTimestamp() * (1e9 / Stopwatch.Frequency);
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
