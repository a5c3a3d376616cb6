using System.Diagnostics;

namespace YieldDeps.LocalHost.Worker;

/// <summary>
/// Ties the worker's life to LocalHost's on Linux: the worker is started through <c>setpriv --pdeathsig KILL</c>, so
/// the kernel kills it when LocalHost dies, even by SIGKILL, instead of leaving it running and listening.
/// </summary>
/// <remarks>
/// The kernel sends that signal when the thread that started the child ends, not only when the process does, so
/// the worker is started from a thread of its own that lives exactly as long as the worker.
/// </remarks>
internal static class ParentDeathSignal
{
    private const string SetPriv = "/usr/bin/setpriv";

    public static bool IsAvailable => OperatingSystem.IsLinux() && File.Exists(SetPriv);

    /// <summary>Rewrites <paramref name="startInfo"/> to run its program under setpriv with the parent-death signal.</summary>
    public static void Apply(ProcessStartInfo startInfo)
    {
        var program = startInfo.FileName;
        var arguments = startInfo.ArgumentList.ToList();
        startInfo.FileName = SetPriv;
        startInfo.ArgumentList.Clear();
        foreach (var argument in new[] { "--pdeathsig", "KILL", "--", program }.Concat(arguments))
        {
            startInfo.ArgumentList.Add(argument);
        }
    }

    /// <summary>Starts <paramref name="process"/> from a dedicated thread that waits for it to exit.</summary>
    public static void Start(Process process)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                process.Start();
            }
            catch (Exception exception)
            {
                started.TrySetException(exception);
                return;
            }

            started.TrySetResult();
            process.WaitForExit();
        })
        {
            IsBackground = true,
            Name = "worker parent",
        };
        thread.Start();
        started.Task.GetAwaiter().GetResult();
    }
}
