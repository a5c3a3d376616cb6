using System.Runtime.InteropServices;

namespace YieldDeps.LocalHost.Hosting;

/// <summary>
/// Turns the first Ctrl+C (SIGINT) or SIGTERM into a graceful stop; a second one ends the process
/// at once, in case a graceful stop hangs.
/// </summary>
internal sealed class ShutdownSignal : IDisposable
{
    private readonly CancellationTokenSource requested = new();
    private readonly PosixSignalRegistration[] registrations;

    public ShutdownSignal()
    {
        registrations =
        [
            PosixSignalRegistration.Create(PosixSignal.SIGINT, Handle),
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, Handle),
        ];
    }

    public CancellationToken Token => requested.Token;

    public void Dispose()
    {
        foreach (var registration in registrations)
        {
            registration.Dispose();
        }

        requested.Dispose();
    }

    private void Handle(PosixSignalContext context)
    {
        if (requested.IsCancellationRequested)
        {
            return;
        }

        context.Cancel = true;
        requested.Cancel();
    }
}
