using System.Runtime.InteropServices;

namespace YieldDeps.Testing;

/// <summary>Sends a signal to one process, as Ctrl+C (SIGINT) or a service manager (SIGTERM) would.</summary>
internal static class PosixSignals
{
    public const int SigTerm = 15;

    /// <summary>
    /// The raw signal number for <paramref name="signal"/>: the portable values (SIGHUP, SIGINT, SIGQUIT, SIGTERM)
    /// are mapped, a positive value is taken as a raw number already.
    /// </summary>
    public static int Number(PosixSignal signal) => signal switch
    {
        PosixSignal.SIGHUP => 1,
        PosixSignal.SIGINT => 2,
        PosixSignal.SIGQUIT => 3,
        PosixSignal.SIGTERM => SigTerm,
        _ when (int)signal > 0 => (int)signal,
        _ => throw new ArgumentOutOfRangeException(nameof(signal), signal, "Use SIGHUP, SIGINT, SIGQUIT, SIGTERM or a raw signal number."),
    };

    public static void Send(int processId, int signal)
    {
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("Sending POSIX signals is not supported on Windows.");
        }

        if (kill(processId, signal) != 0)
        {
            throw new InvalidOperationException($"kill({processId}, {signal}) failed with errno {Marshal.GetLastPInvokeError()}.");
        }
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int sig);
}
