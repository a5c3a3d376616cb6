using System.Runtime.InteropServices;

namespace YieldDeps.EndToEnd.Tests.Infrastructure;

/// <summary>Sends a signal to one process, as Ctrl+C (SIGINT) or a service manager (SIGTERM) would.</summary>
public static class PosixSignals
{
    public const int SigInt = 2;
    public const int SigTerm = 15;

    public static void Send(int processId, int signal)
    {
        if (kill(processId, signal) != 0)
        {
            throw new InvalidOperationException($"kill({processId}, {signal}) failed with errno {Marshal.GetLastPInvokeError()}.");
        }
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int sig);
}
