using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;

namespace YieldDeps.Benchmarks.ColdStart;

/// <summary>
/// When the worker process was launched, against the start call. LocalFunctionsHost does not report it, so this reads
/// it from Linux: LocalHost prints the worker's pid ("started worker NAME (pid N)"), and <c>/proc/N/stat</c> holds the
/// process's start in clock ticks since boot (10 ms each), on the clock that <c>clock_gettime(CLOCK_BOOTTIME)</c>
/// reads at the start call. Elsewhere, or when the line or the process is gone, there is no figure (NaN).
/// </summary>
internal static partial class WorkerLaunch
{
    private const int ClockBootTime = 7;

    /// <summary>USER_HZ, the unit of /proc's process start times: 100 on every Linux this runs on.</summary>
    private const double TicksPerSecond = 100;

    /// <summary>Seconds since boot, on the clock /proc counts process starts in; NaN where there is none.</summary>
    public static double SecondsSinceBoot()
    {
        if (!OperatingSystem.IsLinux())
        {
            return double.NaN;
        }

        return ClockGetTime(ClockBootTime, out var now) == 0 ? now.Seconds + (now.Nanoseconds / 1e9) : double.NaN;
    }

    /// <summary>Milliseconds from <paramref name="startCall"/> (from <see cref="SecondsSinceBoot"/>) to the worker's launch.</summary>
    public static double MillisecondsAfter(double startCall, string hostOutput)
    {
        var match = StartedWorker().Match(hostOutput);
        if (double.IsNaN(startCall) || !match.Success)
        {
            return double.NaN;
        }

        try
        {
            // The fields after the command name, which is in parentheses and may hold spaces: starttime is field 22.
            var stat = File.ReadAllText($"/proc/{match.Groups["pid"].Value}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var ticks = double.Parse(fields[22 - 3], CultureInfo.InvariantCulture);
            return ((ticks / TicksPerSecond) - startCall) * 1000;
        }
        catch (IOException)
        {
            return double.NaN;
        }
    }

    [GeneratedRegex(@"started worker \S+ \(pid (?<pid>\d+)\)")]
    private static partial Regex StartedWorker();

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
