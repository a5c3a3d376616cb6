using System.Diagnostics;
using System.Text;

namespace YieldDeps.EndToEnd.Tests.Infrastructure;

/// <summary>
/// LocalHost running as a real process in front of a real worker, for end-to-end tests.
/// <para>
/// Usage: <c>await using var host = await LocalHostProcess.StartAsync(appFolder, env);</c> where
/// <c>appFolder</c> is a function app project folder (LocalHost builds it) or its build output folder,
/// and <c>env</c> holds extra environment variables for LocalHost and the worker (they win over
/// local.settings.json). <see cref="Client"/> talks to the app over loopback HTTP; <see cref="Output"/>
/// is everything LocalHost and the worker printed. Share one instance per app through an xunit
/// collection fixture: starting a worker costs seconds, building an app more.
/// </para>
/// <para>
/// Starts are serialized across the test run, so app builds never compete for the CPU. Disposing
/// sends SIGTERM (LocalHost then terminates the worker gracefully) and kills the whole process tree
/// if it is still running after a grace period.
/// </para>
/// </summary>
public sealed class LocalHostProcess : IAsyncDisposable
{
    public const string ReadyMarker = "LocalHost: listening on ";

    /// <summary>Covers a cold build of the app (restore, WorkerExtensions) on a slow machine.</summary>
    public static readonly TimeSpan DefaultStartTimeout = TimeSpan.FromMinutes(5);

    private static readonly SemaphoreSlim StartGate = new(1, 1);

    private readonly Process process;
    private readonly StringBuilder output = new();
    private readonly Lock outputGate = new();
    private readonly TaskCompletionSource ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource outputClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource errorClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private LocalHostProcess(Process process, int port)
    {
        this.process = process;
        Port = port;
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
        Client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromMinutes(2) };
    }

    public int Port { get; }

    public Uri BaseAddress { get; }

    public HttpClient Client { get; }

    public int ProcessId => process.Id;

    public bool HasExited => process.HasExited;

    /// <summary>Everything LocalHost (and the worker through it) has written so far, stdout and stderr interleaved.</summary>
    public string Output
    {
        get
        {
            lock (outputGate)
            {
                return output.ToString();
            }
        }
    }

    /// <summary>Starts LocalHost and waits for its ready line; throws with the captured output if it never comes.</summary>
    public static async Task<LocalHostProcess> StartAsync(
        string appPath,
        IReadOnlyDictionary<string, string>? environment = null,
        TimeSpan? startTimeout = null)
    {
        var host = await LaunchAsync(appPath, environment);
        try
        {
            await host.WaitUntilReadyAsync(startTimeout ?? DefaultStartTimeout);
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts LocalHost without waiting for it to be ready, for tests of failing starts.</summary>
    /// <param name="appPath">The app project folder or build output folder.</param>
    /// <param name="environment">Extra environment variables for LocalHost and the worker.</param>
    /// <param name="extraArguments">More LocalHost switches, such as <c>--worker-timeout 5</c>.</param>
    public static async Task<LocalHostProcess> LaunchAsync(
        string appPath,
        IReadOnlyDictionary<string, string>? environment = null,
        IReadOnlyList<string>? extraArguments = null)
    {
        var dll = await LocalHostBuild.EnsureBuiltAsync();
        var port = FreePort.Next();
        var startInfo = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryPaths.Root,
        };
        foreach (var argument in new[] { dll, "--app", appPath, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture) }.Concat(extraArguments ?? []))
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            startInfo.Environment[name] = value;
        }

        await StartGate.WaitAsync();
        var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        var host = new LocalHostProcess(process, port);
        process.OutputDataReceived += (_, e) => host.Append(e.Data, host.outputClosed);
        process.ErrorDataReceived += (_, e) => host.Append(e.Data, host.errorClosed);
        try
        {
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
        }
        catch
        {
            StartGate.Release();
            throw;
        }

        // Hold the gate until this host is ready or gone, so builds and worker starts run one at a time.
        _ = Task.WhenAny(host.ready.Task, process.WaitForExitAsync(), Task.Delay(DefaultStartTimeout))
            .ContinueWith(_ => StartGate.Release(), TaskScheduler.Default);
        return host;
    }

    public async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        var exited = process.WaitForExitAsync();
        var first = await Task.WhenAny(ready.Task, exited, Task.Delay(timeout));
        if (first == ready.Task)
        {
            return;
        }

        if (first == exited)
        {
            await DrainOutputAsync();
            throw new InvalidOperationException($"LocalHost exited with code {process.ExitCode} before it was ready. Output:{Environment.NewLine}{Output}");
        }

        throw new TimeoutException($"LocalHost was not ready within {timeout}. Output:{Environment.NewLine}{Output}");
    }

    /// <summary>Waits for the process to exit and returns its exit code (output fully captured by then).</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"LocalHost did not exit within {timeout}. Output:{Environment.NewLine}{Output}");
        }

        await DrainOutputAsync();
        return process.ExitCode;
    }

    /// <summary>Waits until the output contains <paramref name="text"/>.</summary>
    public Task WaitForOutputAsync(string text, TimeSpan? timeout = null) =>
        Eventually.WaitForAsync(() => Output.Contains(text, StringComparison.Ordinal), $"'{text}' in the output:{Environment.NewLine}{Output}", timeout);

    public void Signal(int signal) => PosixSignals.Send(process.Id, signal);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        try
        {
            if (!process.HasExited)
            {
                Signal(PosixSignals.SigTerm);
                using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(15));
                try
                {
                    await process.WaitForExitAsync(grace.Token);
                }
                catch (OperationCanceledException)
                {
                    // Handled below by killing the tree.
                }
            }
        }
        catch (InvalidOperationException)
        {
            // Never started or already gone.
        }
        finally
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // Already exited.
            }

            process.Dispose();
        }
    }

    private async Task DrainOutputAsync() =>
        await Task.WhenAny(Task.WhenAll(outputClosed.Task, errorClosed.Task), Task.Delay(TimeSpan.FromSeconds(5)));

    private void Append(string? line, TaskCompletionSource closed)
    {
        if (line is null)
        {
            closed.TrySetResult();
            return;
        }

        lock (outputGate)
        {
            output.AppendLine(line);
        }

        if (line.StartsWith(ReadyMarker, StringComparison.Ordinal))
        {
            ready.TrySetResult();
        }
    }
}
