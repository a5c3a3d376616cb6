using System.Diagnostics;

namespace YieldDeps.EndToEnd.Tests.Load;

/// <summary>
/// A small tmpfs mounted on a temporary folder: a real file system that can be made read-only and full (a file that
/// takes the rest of its space). Linux refuses to remount a file system read-only while files on it are open for
/// writing (as the database's are, mid-round), so the folder is made read-only by mounting a read-only view of itself
/// over it: every file opened from then on is on a read-only file system, while files already open stay as they
/// were until closed. Mounting needs root, or <c>sudo</c> without a password; without either,
/// <see cref="CreateAsync"/> fails saying so.
/// </summary>
public sealed class TmpfsMount : IAsyncDisposable
{
    private readonly string _sizeKb;

    private TmpfsMount(string path, int sizeKb)
    {
        Path = path;
        _sizeKb = sizeKb.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    public string Path { get; }

    private string Filler => System.IO.Path.Combine(Path, "filler");

    /// <summary>Whether this process may mount: on Linux, as root or with <c>sudo</c> that needs no password.</summary>
    public static bool CanMount()
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        if (IsRoot)
        {
            return true;
        }

        try
        {
            using var sudo = Process.Start(new ProcessStartInfo("sudo", ["-n", "true"]) { RedirectStandardError = true, RedirectStandardOutput = true })!;
            sudo.WaitForExit();
            return sudo.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // No sudo on this machine.
            return false;
        }
    }

    public static async Task<TmpfsMount> CreateAsync(int sizeKb)
    {
        var mount = new TmpfsMount(Directory.CreateTempSubdirectory("yielddeps-tmpfs-").FullName, sizeKb);
        await mount.MountAsync("-t", "tmpfs", "-o", $"size={mount._sizeKb}k,mode=1777", "tmpfs", mount.Path);
        return mount;
    }

    /// <summary>
    /// Mounts a read-only view of the folder over it, at once: the view is made read-only beside it (where nothing
    /// opens files) and then moved over the folder.
    /// </summary>
    public async Task MakeReadOnlyAsync()
    {
        var staging = Directory.CreateTempSubdirectory("yielddeps-ro-").FullName;
        try
        {
            await MountAsync("--bind", Path, staging);
            await MountAsync("-o", "remount,bind,ro", staging);
            await MountAsync("--move", staging, Path);
        }
        finally
        {
            await RunAsync("umount", "-l", staging).ContinueWith(_ => { }, TaskScheduler.Default);
            Directory.Delete(staging);
        }
    }

    /// <summary>Takes the read-only view away again (lazily: files opened through it stay read-only until closed).</summary>
    public Task MakeWritableAsync() => RunAsync("umount", "-l", Path);

    /// <summary>Writes a file that takes every free block, so that the next write that needs a block fails with ENOSPC.</summary>
    public async Task FillAsync()
    {
        var block = new byte[4096];
        await using var filler = new FileStream(Filler, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1);
        try
        {
            while (true)
            {
                await filler.WriteAsync(block);
                await filler.FlushAsync();
            }
        }
        catch (IOException)
        {
            // No space left on device: full.
        }
    }

    /// <summary>Deletes the file that filled the file system.</summary>
    public void Clear() => File.Delete(Filler);

    public async ValueTask DisposeAsync()
    {
        // The tmpfs, and the read-only view if a failure left it there.
        for (var mounts = 0; mounts < 3 && await IsMountPointAsync(); mounts++)
        {
            await RunAsync("umount", "-l", Path);
        }

        Directory.Delete(Path, recursive: true);
    }

    private async Task<bool> IsMountPointAsync()
    {
        using var process = Process.Start(new ProcessStartInfo("mountpoint", ["-q", Path]))!;
        await process.WaitForExitAsync();
        return process.ExitCode == 0;
    }

    private static bool IsRoot => Environment.UserName == "root";

    private Task MountAsync(params string[] arguments) => RunAsync("mount", arguments);

    private static async Task RunAsync(string command, params string[] arguments)
    {
        var start = new ProcessStartInfo(IsRoot ? command : "sudo", IsRoot ? arguments : ["-n", command, .. arguments])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{command} {string.Join(' ', arguments)} failed ({process.ExitCode}): {await errors} The SQLite fault test mounts a small tmpfs: run it as root or with sudo without a password.");
        }
    }
}
