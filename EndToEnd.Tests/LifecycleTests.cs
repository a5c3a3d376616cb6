using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using System.Text.RegularExpressions;
using YieldDeps.EndToEnd.Tests.Fixtures;
using YieldDeps.EndToEnd.Tests.Infrastructure;
using YieldDeps.Testing;

namespace YieldDeps.EndToEnd.Tests;

/// <summary>
/// Starting and stopping LocalHost. These start their own LocalHost processes on the probe's build
/// output, so they share the BuiltInHttpProbe collection: the fixture has built the app by then.
/// LocalHost only, not run through FunctionsApplicationFactory: each is about the command line or a worker process
/// (building the app, exit codes, Ctrl+C, a killed host or worker, the worker's environment variables), which the
/// factory, running the app's Program in the test process, does not have.
/// </summary>
[Collection(BuiltInProbeCollection.Name)]
public sealed partial class LifecycleTests(BuiltInProbeFixture fixture)
{
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(60);

    private string ProbeOutput => RepositoryPaths.ProbeAppOutput(fixture.AppName);

    [Fact]
    public async Task AnAppFolderWithoutAnAppFailsFastWithAClearMessage()
    {
        var empty = Directory.CreateTempSubdirectory("localhost-empty-");
        try
        {
            await using var host = await LocalFunctionsHost.LaunchAsync(empty.FullName);

            var exitCode = await host.WaitForExitAsync(ExitTimeout);

            Assert.NotEqual(0, exitCode);
            Assert.Contains($"No function app found in '{empty.FullName}'", host.Output);
        }
        finally
        {
            empty.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task AMissingAppFolderFailsFastWithAClearMessage()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"localhost-missing-{Guid.NewGuid():N}");
        await using var host = await LocalFunctionsHost.LaunchAsync(missing);

        var exitCode = await host.WaitForExitAsync(ExitTimeout);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("does not exist", host.Output);
    }

    [Fact]
    public async Task AWorkerThatExitsBeforeConnectingFailsTheStartWithAClearMessage()
    {
        // A worker.config.json whose worker is a shell that rejects the worker's command line at once.
        var app = Directory.CreateTempSubdirectory("localhost-broken-");
        try
        {
            File.WriteAllText(
                Path.Combine(app.FullName, "worker.config.json"),
                """{ "description": { "language": "dotnet-isolated", "defaultExecutablePath": "/bin/sh", "defaultWorkerPath": "worker.sh" } }""");
            File.WriteAllText(Path.Combine(app.FullName, "worker.sh"), "exit 3");
            await using var host = await LocalFunctionsHost.LaunchAsync(app.FullName);

            var exitCode = await host.WaitForExitAsync(ExitTimeout);

            Assert.NotEqual(0, exitCode);
            Assert.Contains("before connecting", host.Output);
        }
        finally
        {
            app.Delete(recursive: true);
        }
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public async Task AWorkerThatNeverConnectsIsKilledAfterTheWorkerTimeout()
    {
        var app = Directory.CreateTempSubdirectory("localhost-silent-");
        var pidFile = Path.Combine(app.FullName, "worker.pid");
        try
        {
            File.WriteAllText(
                Path.Combine(app.FullName, "worker.config.json"),
                """{ "description": { "language": "dotnet-isolated", "defaultExecutablePath": "{WorkerRoot}worker.sh", "defaultWorkerPath": "worker.sh" } }""");
            var script = Path.Combine(app.FullName, "worker.sh");
            File.WriteAllText(script, $"#!/bin/sh\necho $$ > '{pidFile}'\nexec sleep 600\n");
            File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            await using var host = await LocalFunctionsHost.LaunchAsync(app.FullName, extraArguments: ["--worker-timeout", "3"]);

            var exitCode = await host.WaitForExitAsync(ExitTimeout);

            Assert.NotEqual(0, exitCode);
            Assert.Contains("The worker did not connect within 3 seconds.", host.Output);
            var workerId = int.Parse(File.ReadAllText(pidFile).Trim(), CultureInfo.InvariantCulture);
            await Eventually.WaitForAsync(() => !IsRunning(workerId), $"the silent worker {workerId} to be killed");
        }
        finally
        {
            app.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task AnAppThatDoesNotCompileShowsTheBuildOutputAndExitsNonZero()
    {
        var project = Directory.CreateTempSubdirectory("localhost-broken-build-");
        try
        {
            File.WriteAllText(
                Path.Combine(project.FullName, "Broken.csproj"),
                """<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><TargetFramework>net10.0</TargetFramework><OutputType>Exe</OutputType></PropertyGroup></Project>""");
            File.WriteAllText(Path.Combine(project.FullName, "Program.cs"), "this is not C#");
            await using var host = await LocalFunctionsHost.LaunchAsync(project.FullName);

            var exitCode = await host.WaitForExitAsync(TimeSpan.FromMinutes(3));

            Assert.NotEqual(0, exitCode);
            Assert.Contains("error CS", host.Output);
            Assert.Contains("'dotnet build' of Broken.csproj failed", host.Output);
        }
        finally
        {
            project.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task AnAppIsBuiltInTheConfigurationAskedForBySwitchOrEnvironment()
    {
        var project = Directory.CreateTempSubdirectory("localhost-configuration-");
        try
        {
            File.WriteAllText(
                Path.Combine(project.FullName, "Tiny.csproj"),
                """<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><TargetFramework>net10.0</TargetFramework><OutputType>Exe</OutputType></PropertyGroup></Project>""");
            File.WriteAllText(Path.Combine(project.FullName, "Program.cs"), "System.Console.WriteLine();");

            // Not a function app: the build succeeds and LocalHost then looks for the worker under that configuration.
            await using (var bySwitch = await LocalFunctionsHost.LaunchAsync(project.FullName, extraArguments: ["--configuration", "Release"]))
            {
                Assert.NotEqual(0, await bySwitch.WaitForExitAsync(TimeSpan.FromMinutes(3)));
                Assert.Contains("building Tiny.csproj (Release)", bySwitch.Output);
                Assert.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}Release'", bySwitch.Output);
            }

            Assert.True(File.Exists(Path.Combine(project.FullName, "bin", "Release", "net10.0", "Tiny.dll")));
            await using (var byEnvironment = await LocalFunctionsHost.LaunchAsync(
                project.FullName, new Dictionary<string, string> { ["YIELDDEPS_LOCALHOST_CONFIGURATION"] = "Release" }))
            {
                Assert.NotEqual(0, await byEnvironment.WaitForExitAsync(TimeSpan.FromMinutes(3)));
                Assert.Contains("building Tiny.csproj (Release)", byEnvironment.Output);
            }

            await using var invalid = await LocalFunctionsHost.LaunchAsync(project.FullName, extraArguments: ["--configuration", "Re lease"]);
            Assert.Equal(2, await invalid.WaitForExitAsync(ExitTimeout));
            Assert.Contains("--configuration must name a build configuration", invalid.Output);
        }
        finally
        {
            project.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task CtrlCTerminatesTheWorkerAndExitsZero()
    {
        await using var host = await LocalFunctionsHost.StartAsync(ProbeOutput);
        var workerId = WorkerProcessId(host.Output);

        host.Signal(PosixSignal.SIGINT);
        var exitCode = await host.WaitForExitAsync(ExitTimeout);

        Assert.Equal(0, exitCode);
        Assert.Contains("LocalHost: stopping: sending WorkerTerminate to the worker", host.Output);
        Assert.Contains("LocalHost: worker exited with code 0", host.Output);
        Assert.Contains("LocalHost: stopped", host.Output);
        Assert.False(IsRunning(workerId), $"worker {workerId} still runs");
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public async Task CtrlCStopsLocalHostGracefullyEvenWhenItInheritedSIGINTIgnored()
    {
        // A shell without job control starts background commands with SIGINT ignored, and the ignore survives exec
        // into dotnet test, its test host and LocalHost: this is how it happens on purpose. .NET then installs no
        // SIGINT handler, so without LocalHost undoing the inherited ignore the signal below is dropped and the
        // host runs until killed.
        var port = FreePort();
        var startInfo = new ProcessStartInfo("/bin/sh")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-c", "trap '' INT; exec \"$0\" \"$@\"", "dotnet", LocalFunctionsHost.FindLocalHost(), "--app", ProbeOutput, "--port", port.ToString(CultureInfo.InvariantCulture) })
        {
            startInfo.ArgumentList.Add(argument);
        }

        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var process = new Process { StartInfo = startInfo };
        DataReceivedEventHandler collect = (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            output.Enqueue(e.Data);
            if (e.Data.StartsWith("LocalHost: listening on ", StringComparison.Ordinal))
            {
                ready.TrySetResult();
            }
        };
        process.OutputDataReceived += collect;
        process.ErrorDataReceived += collect;
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            using (var startLimit = new CancellationTokenSource(LocalFunctionsHost.DefaultStartTimeout))
            {
                await ready.Task.WaitAsync(startLimit.Token);
            }

            var workerId = WorkerProcessId(string.Join('\n', output));

            Assert.Equal(0, kill(process.Id, 2));
            using (var exitLimit = new CancellationTokenSource(ExitTimeout))
            {
                try
                {
                    await process.WaitForExitAsync(exitLimit.Token);
                }
                catch (OperationCanceledException)
                {
                    Assert.Fail($"LocalHost did not exit within {ExitTimeout} of SIGINT. Output:{Environment.NewLine}{string.Join(Environment.NewLine, output)}");
                }
            }

            var text = string.Join('\n', output);
            Assert.Equal(0, process.ExitCode);
            Assert.Contains("LocalHost: started with SIGINT ignored; handling them anyway", text);
            Assert.Contains("LocalHost: stopping: sending WorkerTerminate to the worker", text);
            Assert.Contains("LocalHost: stopped", text);
            Assert.False(IsRunning(workerId), $"worker {workerId} still runs");
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    [Fact]
    public async Task CtrlCDuringTheWorkerHandshakeStopsLocalHostAndItsWorker()
    {
        // The earliest point LocalHost has a worker to take down: right after it printed the worker's pid.
        await using var host = await LocalFunctionsHost.LaunchAsync(ProbeOutput);
        await host.WaitForOutputAsync("LocalHost: started worker ");
        var workerId = WorkerProcessId(host.Output);

        host.Signal(PosixSignal.SIGINT);
        var exitCode = await host.WaitForExitAsync(ExitTimeout);

        Assert.Equal(0, exitCode);
        Assert.Matches("LocalHost: (stopped during startup|stopped)", host.Output);
        await Eventually.WaitForAsync(() => !IsRunning(workerId), $"worker {workerId} to stop with its host");
    }

    [Fact]
    public async Task AHostKilledOutrightTakesItsWorkerWithIt()
    {
        // On Linux, where LocalHost ties the worker to itself with the parent-death signal (and CI runs).
        await using var host = await LocalFunctionsHost.StartAsync(ProbeOutput);
        var workerId = WorkerProcessId(host.Output);
        Assert.True(IsRunning(workerId), $"worker {workerId} should run");

        using (var localHost = Process.GetProcessById(host.ProcessId))
        {
            localHost.Kill();
        }

        await Eventually.WaitForAsync(() => !IsRunning(workerId), $"worker {workerId} to die with its killed host");
    }

    [Fact]
    public async Task AWorkerThatDiesFailsPendingRequestsAndStopsTheHostNonZero()
    {
        var events = Path.Combine(Path.GetTempPath(), $"localhost-dying-{Guid.NewGuid():N}.events");
        try
        {
            await using var host = await LocalFunctionsHost.StartAsync(ProbeOutput, new Dictionary<string, string> { ["PROBE_EVENTS_FILE"] = events });
            var tag = Guid.NewGuid().ToString("N");
            var pending = host.Client.GetAsync($"probe/slow/{tag}");
            await Eventually.WaitForAsync(() => File.Exists(events) && File.ReadAllText(events).Contains($"started:{tag}", StringComparison.Ordinal), "the slow function to start");

            using (var worker = Process.GetProcessById(WorkerProcessId(host.Output)))
            {
                worker.Kill();
            }

            using var response = await pending;
            var exitCode = await host.WaitForExitAsync(ExitTimeout);

            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.NotEqual(0, exitCode);
            Assert.Contains("LocalHost: stopping because the worker process exited with code", host.Output);
        }
        finally
        {
            File.Delete(events);
        }
    }

    [Fact]
    public async Task TheWorkerGetsLocalSettingsValuesWithTheEnvironmentWinning()
    {
        var copy = Directory.CreateTempSubdirectory("localhost-settings-");
        try
        {
            foreach (var file in Directory.EnumerateFiles(ProbeOutput, "*", SearchOption.AllDirectories))
            {
                var target = Path.Combine(copy.FullName, Path.GetRelativePath(ProbeOutput, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }

            File.WriteAllText(
                Path.Combine(copy.FullName, "local.settings.json"),
                """{ "IsEncrypted": false, "Values": { "PROBE_FROM_FILE": "from-file", "PROBE_OVERRIDDEN": "from-file" } }""");

            await using var host = await LocalFunctionsHost.StartAsync(copy.FullName, new Dictionary<string, string> { ["PROBE_OVERRIDDEN"] = "from-env" });

            Assert.Equal("from-file", await host.Client.GetStringAsync("probe/setting/PROBE_FROM_FILE"));
            Assert.Equal("from-env", await host.Client.GetStringAsync("probe/setting/PROBE_OVERRIDDEN"));
            Assert.Equal(copy.FullName, await host.Client.GetStringAsync("probe/setting/FUNCTIONS_WORKER_DIRECTORY"));
        }
        finally
        {
            copy.Delete(recursive: true);
        }
    }

    private static int WorkerProcessId(string output) =>
        int.Parse(WorkerStartedLine().Match(output).Groups[1].Value, CultureInfo.InvariantCulture);

    private static bool IsRunning(int processId)
    {
        // A process killed after its parent died may linger as a zombie until it is reaped: that is not running.
        var stat = $"/proc/{processId}/stat";
        if (File.Exists(stat))
        {
            try
            {
                var fields = File.ReadAllText(stat);
                return fields[(fields.LastIndexOf(')') + 2)..][0] != 'Z';
            }
            catch (IOException)
            {
                return false;
            }
        }

        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int sig);

    [GeneratedRegex(@"LocalHost: started worker \S+ \(pid (\d+)\)")]
    private static partial Regex WorkerStartedLine();
}
