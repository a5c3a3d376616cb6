using System.Runtime.InteropServices;

namespace YieldDeps.LocalHost.Hosting;

/// <summary>
/// Undoes an ignored SIGINT or SIGTERM inherited from the process that started LocalHost, before
/// <see cref="ShutdownSignal"/> registers for them.
/// </summary>
/// <remarks>
/// A shell without job control starts background commands with SIGINT ignored, and a child process keeps an ignored
/// signal across exec, so whether LocalHost starts with SIGINT ignored depends on how everything above it was
/// started (a test runner's build node, a CI step, a script's <c>&amp;</c>). .NET installs no handler for a SIGINT
/// it found ignored, so a <see cref="PosixSignalRegistration"/> for it never runs and Ctrl+C or <c>kill -INT</c>
/// does nothing. LocalHost always stops gracefully on these signals, so it puts back the default disposition first;
/// the runtime then installs its handler as usual. This must run before anything touches the console, starts a
/// process or registers a signal, which is when the runtime sets up its signal handling.
/// </remarks>
internal static class InheritedSignalIgnore
{
    private const int SigInt = 2;
    private const int SigTerm = 15;

    /// <summary>Big enough for <c>struct sigaction</c> on Linux and macOS; all zeros is SIG_DFL with no flags.</summary>
    private const int SigactionSize = 256;

    private static readonly nint SigIgn = 1;

    /// <summary>Restores the default disposition of SIGINT and SIGTERM where it was inherited as ignored.</summary>
    /// <returns>The signals that were ignored and are not any more.</returns>
    public static IReadOnlyList<string> Undo()
    {
        if (OperatingSystem.IsWindows())
        {
            return [];
        }

        var undone = new List<string>();
        foreach (var (number, name) in new[] { (SigInt, "SIGINT"), (SigTerm, "SIGTERM") })
        {
            // The handler is the first field of struct sigaction on Linux and macOS.
            var current = new byte[SigactionSize];
            if (sigaction(number, null, current) != 0 || MemoryMarshal.Read<nint>(current) != SigIgn)
            {
                continue;
            }

            if (sigaction(number, new byte[SigactionSize], null) == 0)
            {
                undone.Add(name);
            }
        }

        return undone;
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int sigaction(int signal, byte[]? action, byte[]? previous);
}
