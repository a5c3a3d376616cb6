using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace YieldDeps.Testing;

/// <summary>
/// A function app running out of process: LocalHost, a small Functions host shipped with this package, starts the
/// app's real worker process, drives it over the Functions RPC protocol and serves its HTTP triggers on loopback.
/// <para>
/// Usage: <c>await using var host = await LocalFunctionsHost.StartAsync(appFolder, settings);</c> where
/// <c>appFolder</c> is a function app project folder (LocalHost builds it) or its build output folder, and
/// <c>settings</c> holds extra environment variables for LocalHost and the worker (they win over
/// local.settings.json). <see cref="Client"/> talks to the app over loopback HTTP; <see cref="Output"/> is
/// everything LocalHost and the worker printed. Starting a worker costs seconds and building an app more, so share
/// one instance per app, for example through an xunit collection fixture.
/// </para>
/// <para>
/// Starts are serialized within the test process, so app builds never compete for the CPU. Disposing sends SIGTERM
/// (LocalHost then terminates the worker gracefully) and kills the whole process tree if it is still running after
/// a grace period.
/// </para>
/// <para>
/// LocalHost.dll is taken from the path in the <c>YIELDDEPS_LOCALHOST</c> environment variable when it is set,
/// else from <c>yielddeps-localhost/</c> in the test's output folder, where the package's build targets copy it.
/// </para>
/// </summary>
public sealed class LocalFunctionsHost : IAsyncDisposable
{
    /// <summary>The environment variable that, when set, holds the path of the LocalHost.dll to run.</summary>
    public const string LocalHostVariable = LocalHostLocation.Variable;

    /// <summary>How long <see cref="StartAsync"/> waits by default: covers a cold build of the app (restore, WorkerExtensions) on a slow machine.</summary>
    public static readonly TimeSpan DefaultStartTimeout = TimeSpan.FromMinutes(5);

    /// <summary>How long <see cref="WaitForOutputAsync"/> waits by default.</summary>
    public static readonly TimeSpan DefaultOutputTimeout = TimeSpan.FromSeconds(60);

    private const string ReadyMarker = "LocalHost: listening on ";

    private static readonly TimeSpan StopGracePeriod = TimeSpan.FromSeconds(15);

    private static readonly SemaphoreSlim StartGate = new(1, 1);

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly object _outputLock = new();
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _outputClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _errorClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private LocalFunctionsHost(Process process, int port)
    {
        _process = process;
        Port = port;
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
        Client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromMinutes(2) };
    }

    /// <summary>The loopback port LocalHost listens on.</summary>
    public int Port { get; }

    /// <summary>The address LocalHost serves the app on, such as <c>http://127.0.0.1:5123/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>A client whose base address is <see cref="BaseAddress"/>: <c>Client.PostAsync("api/orders", body)</c>. Disposed with the host.</summary>
    public HttpClient Client { get; }

    /// <summary>The id of the LocalHost process (the worker is its child).</summary>
    public int ProcessId => _process.Id;

    /// <summary>Whether the LocalHost process has exited.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>Everything LocalHost (and the worker through it) has written so far, stdout and stderr interleaved.</summary>
    public string Output
    {
        get
        {
            lock (_outputLock)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>The full path of the LocalHost.dll that starts use: <see cref="LocalHostVariable"/> when set, else the copy in the test's output folder.</summary>
    /// <returns>The path of an existing LocalHost.dll.</returns>
    /// <exception cref="FileNotFoundException">Neither exists.</exception>
    public static string FindLocalHost() => LocalHostLocation.Find();

    /// <summary>Starts LocalHost in front of the app and waits until it serves; throws with the captured output if it never does.</summary>
    /// <param name="appPath">The function app's project folder (LocalHost builds it, Debug) or its build output folder (the one with <c>worker.config.json</c>).</param>
    /// <param name="environment">Extra environment variables for LocalHost and the worker, such as app settings and connection strings; they win over local.settings.json.</param>
    /// <param name="startTimeout">How long to wait for LocalHost to be ready, build included; <see cref="DefaultStartTimeout"/> when null.</param>
    /// <returns>A running host; dispose it to stop LocalHost and the worker.</returns>
    /// <exception cref="InvalidOperationException">LocalHost exited before it was ready (the app failed to build or start).</exception>
    /// <exception cref="TimeoutException">LocalHost was not ready in time.</exception>
    /// <exception cref="FileNotFoundException">LocalHost.dll was not found (see <see cref="FindLocalHost"/>).</exception>
    public static async Task<LocalFunctionsHost> StartAsync(
        string appPath,
        IReadOnlyDictionary<string, string>? environment = null,
        TimeSpan? startTimeout = null)
    {
        for (var attempt = 1; ; attempt++)
        {
            var host = await LaunchAsync(appPath, environment).ConfigureAwait(false);
            try
            {
                await host.WaitUntilReadyAsync(startTimeout ?? DefaultStartTimeout).ConfigureAwait(false);
                return host;
            }
            catch (InvalidOperationException e) when (attempt < PortAttempts && e.Message.Contains(PortTaken, StringComparison.Ordinal))
            {
                // The free port chosen for LocalHost was taken by another process before LocalHost bound it: choose again.
                await host.DisposeAsync().ConfigureAwait(false);
            }
            catch
            {
                await host.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }
    }

    /// <summary>How often <see cref="StartAsync"/> launches LocalHost when the port it chose was taken meanwhile.</summary>
    private const int PortAttempts = 3;

    /// <summary>What LocalHost prints when it cannot listen on the port it was given.</summary>
    private const string PortTaken = "Cannot listen on 127.0.0.1:";

    /// <summary>Starts LocalHost without waiting for it to be ready, for tests of failing starts.</summary>
    /// <param name="appPath">The function app's project folder or its build output folder.</param>
    /// <param name="environment">Extra environment variables for LocalHost and the worker.</param>
    /// <param name="extraArguments">More LocalHost switches, such as <c>--worker-timeout 5</c> or <c>--verbose</c>.</param>
    /// <returns>The launched host; wait with <see cref="WaitUntilReadyAsync"/> or <see cref="WaitForExitAsync"/>, and dispose it.</returns>
    /// <exception cref="FileNotFoundException">LocalHost.dll was not found (see <see cref="FindLocalHost"/>).</exception>
    public static async Task<LocalFunctionsHost> LaunchAsync(
        string appPath,
        IReadOnlyDictionary<string, string>? environment = null,
        IReadOnlyList<string>? extraArguments = null)
    {
        ArgumentNullException.ThrowIfNull(appPath);
        var dll = LocalHostLocation.Find();
        var port = FreePort.Next();
        var startInfo = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { dll, "--app", appPath, "--port", port.ToString(CultureInfo.InvariantCulture) }.Concat(extraArguments ?? []))
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var setting in environment ?? new Dictionary<string, string>())
        {
            startInfo.Environment[setting.Key] = setting.Value;
        }

        await StartGate.WaitAsync().ConfigureAwait(false);
        var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        var host = new LocalFunctionsHost(process, port);
        process.OutputDataReceived += (_, e) => host.Append(e.Data, host._outputClosed);
        process.ErrorDataReceived += (_, e) => host.Append(e.Data, host._errorClosed);
        try
        {
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
        }
        catch
        {
            StartGate.Release();
            host.Client.Dispose();
            process.Dispose();
            throw;
        }

        // Hold the gate until this host is ready or gone, so builds and worker starts run one at a time.
        _ = Task.WhenAny(host._ready.Task, process.WaitForExitAsync(), Task.Delay(DefaultStartTimeout))
            .ContinueWith(_ => StartGate.Release(), TaskScheduler.Default);
        return host;
    }

    /// <summary>Waits until LocalHost prints its ready line.</summary>
    /// <param name="timeout">How long to wait.</param>
    /// <returns>A task that completes once LocalHost serves the app.</returns>
    /// <exception cref="InvalidOperationException">LocalHost exited first; the message holds its output.</exception>
    /// <exception cref="TimeoutException">LocalHost was not ready in time; the message holds its output.</exception>
    public async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        var exited = _process.WaitForExitAsync();
        var first = await Task.WhenAny(_ready.Task, exited, Task.Delay(timeout)).ConfigureAwait(false);
        if (first == _ready.Task)
        {
            return;
        }

        if (first == exited)
        {
            await DrainOutputAsync().ConfigureAwait(false);
            throw new InvalidOperationException($"LocalHost exited with code {_process.ExitCode} before it was ready. Output:{Environment.NewLine}{Output}");
        }

        throw new TimeoutException($"LocalHost was not ready within {timeout}. Output:{Environment.NewLine}{Output}");
    }

    /// <summary>Waits for LocalHost to exit; its output is fully captured by then.</summary>
    /// <param name="timeout">How long to wait.</param>
    /// <returns>LocalHost's exit code: 0 after SIGINT/SIGTERM, 1 when the app failed to build or the worker to start or failed later, 2 for bad arguments or no app.</returns>
    /// <exception cref="TimeoutException">LocalHost still runs after <paramref name="timeout"/>.</exception>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancellation.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"LocalHost did not exit within {timeout}. Output:{Environment.NewLine}{Output}");
        }

        await DrainOutputAsync().ConfigureAwait(false);
        return _process.ExitCode;
    }

    /// <summary>Waits until <see cref="Output"/> contains <paramref name="text"/>, such as a line the function logged.</summary>
    /// <param name="text">The text to wait for (ordinal comparison).</param>
    /// <param name="timeout">How long to wait; <see cref="DefaultOutputTimeout"/> when null.</param>
    /// <returns>A task that completes once the text has appeared.</returns>
    /// <exception cref="TimeoutException">The text did not appear in time; the message holds the output.</exception>
    public async Task WaitForOutputAsync(string text, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? DefaultOutputTimeout);
        while (!Output.Contains(text, StringComparison.Ordinal))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Gave up waiting for '{text}' in the output:{Environment.NewLine}{Output}");
            }

            await Task.Delay(100).ConfigureAwait(false);
        }
    }

    /// <summary>Sends a signal to LocalHost, for example <see cref="PosixSignal.SIGINT"/> as Ctrl+C would. Not supported on Windows.</summary>
    /// <param name="signal">SIGHUP, SIGINT, SIGQUIT, SIGTERM, or a raw signal number cast to <see cref="PosixSignal"/>.</param>
    public void Signal(PosixSignal signal) => PosixSignals.Send(_process.Id, PosixSignals.Number(signal));

    /// <summary>Stops LocalHost: SIGTERM (LocalHost then terminates the worker gracefully), then kills the process tree if it still runs after a grace period.</summary>
    /// <returns>A task that completes once the processes are gone.</returns>
    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        try
        {
            if (!_process.HasExited && !OperatingSystem.IsWindows())
            {
                PosixSignals.Send(_process.Id, PosixSignals.SigTerm);
                using var grace = new CancellationTokenSource(StopGracePeriod);
                try
                {
                    await _process.WaitForExitAsync(grace.Token).ConfigureAwait(false);
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
                _process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // Already exited.
            }

            _process.Dispose();
        }
    }

    private async Task DrainOutputAsync() =>
        await Task.WhenAny(Task.WhenAll(_outputClosed.Task, _errorClosed.Task), Task.Delay(TimeSpan.FromSeconds(5))).ConfigureAwait(false);

    private void Append(string? line, TaskCompletionSource closed)
    {
        if (line is null)
        {
            closed.TrySetResult();
            return;
        }

        lock (_outputLock)
        {
            _output.AppendLine(line);
        }

        if (line.StartsWith(ReadyMarker, StringComparison.Ordinal))
        {
            _ready.TrySetResult();
        }
    }
}
