using YieldDeps.LocalHost.FunctionApp;
using YieldDeps.LocalHost.Functions;
using YieldDeps.LocalHost.Http;
using YieldDeps.LocalHost.Invocations;
using YieldDeps.LocalHost.Worker;

namespace YieldDeps.LocalHost.Hosting;

/// <summary>
/// One run of LocalHost: build or locate the app, start the gRPC server and the worker, complete the
/// handshake, serve HTTP and the admin API, and stop in order (WorkerTerminate, grace period, kill).
/// </summary>
internal sealed class CommandLineHost(HostCommandLine options, HostConsole console) : IAsyncDisposable
{
    private static readonly TimeSpan TerminateGracePeriod = TimeSpan.FromSeconds(5);

    private readonly HostSession session = new(console, options.Verbose);
    private WorkerProcess? worker;

    public async Task<int> RunAsync(CancellationToken shutdown)
    {
        WebServerFactory.EnsurePortIsFree(options.Port);
        var app = await new AppLocator(console, options.Configuration).LocateAsync(options.AppPath, shutdown);
        var environment = new Func<string, string?>(Environment.GetEnvironmentVariable);
        var settings = HostSettings.Load(app.OutputDirectory, app.ProjectDirectory, environment);
        var localValues = LocalSettings.LoadValues(app.OutputDirectory, app.ProjectDirectory);
        var appSettings = new AppSettingResolver(localValues);

        var connection = session.Connection;
        await session.StartGrpcAsync(shutdown);

        worker = WorkerProcess.Start(app, session.GrpcUri, Guid.NewGuid().ToString(), localValues, console);
        console.Info($"started worker {app.AppName} (pid {worker.Id}) from {app.OutputDirectory}");
        _ = worker.Exited.ContinueWith(
            exit => connection.Fail($"the worker process exited with code {exit.Result}"),
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);

        var workerGone = worker.Exited.ContinueWith(
            exit => $"The worker process exited with code {exit.Result} before connecting; see its output above.",
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
        await session.ConnectAsync(workerGone, app.OutputDirectory, options.WorkerTimeout, settings, appSettings, options.Port, shutdown);
        PrintReady(session.Functions, session.Served, settings);

        var stopped = Task.Delay(Timeout.Infinite, shutdown);
        var first = await Task.WhenAny(stopped, connection.Closed);
        if (first == stopped)
        {
            await StopGracefullyAsync(connection, session.Invoker);
            return 0;
        }

        // The stream usually breaks a moment before the process exit is seen; prefer the exit code as the reason.
        var reason = await connection.Closed;
        if (await Task.WhenAny(worker.Exited, Task.Delay(TimeSpan.FromSeconds(3))) == worker.Exited)
        {
            reason = $"the worker process exited with code {worker.Exited.Result}";
        }

        console.Error($"stopping because {reason}.");
        await session.StopServersAsync();
        return 1;
    }

    public async ValueTask DisposeAsync()
    {
        worker?.Kill();
        await session.DisposeAsync();
        worker?.Dispose();
    }

    private async Task StopGracefullyAsync(WorkerConnection connection, NonHttpInvoker invoker)
    {
        console.Info("stopping: sending WorkerTerminate to the worker");
        await invoker.StopAsync(TimeSpan.FromSeconds(1));
        connection.Terminate(TerminateGracePeriod);
        var exited = await Task.WhenAny(worker!.Exited, Task.Delay(TerminateGracePeriod)) == worker.Exited;
        if (exited)
        {
            console.Info($"worker exited with code {worker.Exited.Result}");
        }
        else
        {
            console.Info($"worker did not exit within {TerminateGracePeriod.TotalSeconds:0} seconds; killing it");
            worker.Kill();
        }

        connection.Fail("LocalHost is stopping");
        await session.StopServersAsync();
        console.Info("stopped");
    }

    private void PrintReady(IReadOnlyList<FunctionDescriptor> functions, IReadOnlyList<FunctionDescriptor> served, HostSettings settings)
    {
        var baseUrl = $"http://127.0.0.1:{options.Port}";
        var lines = new List<string> { $"LocalHost: listening on {baseUrl} ({functions.Count} functions)" };
        foreach (var function in served)
        {
            var methods = HttpFunctionRoutes.Methods(function) is { Count: > 0 } list ? string.Join(",", list) : "ALL";
            lines.Add($"  {function.Name}: [{methods}] {baseUrl}/{HttpFunctionRoutes.Template(function, settings.RoutePrefix)}");
        }

        foreach (var function in functions.Where(function => !function.IsHttp))
        {
            lines.Add($"  {function.Name}: {function.Trigger!.Type} (POST {baseUrl}/admin/functions/{function.Name})");
        }

        console.Raw(string.Join(Environment.NewLine, lines));
    }
}
