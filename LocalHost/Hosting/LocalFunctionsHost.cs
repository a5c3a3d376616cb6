using Microsoft.AspNetCore.Server.Kestrel.Core;
using YieldDeps.LocalHost.Admin;
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
internal sealed class LocalFunctionsHost(HostCommandLine options, HostConsole console) : IAsyncDisposable
{
    private static readonly TimeSpan TerminateGracePeriod = TimeSpan.FromSeconds(5);

    private WebApplication? grpcServer;
    private WebApplication? httpServer;
    private WorkerProcess? worker;
    private AspNetCoreForwarder? forwarder;

    public async Task<int> RunAsync(CancellationToken shutdown)
    {
        WebServerFactory.EnsurePortIsFree(options.Port);
        var app = await new AppLocator(console, options.Configuration).LocateAsync(options.AppPath, shutdown);
        var environment = new Func<string, string?>(Environment.GetEnvironmentVariable);
        var settings = HostSettings.Load(app.OutputDirectory, app.ProjectDirectory, environment);
        var localValues = LocalSettings.LoadValues(app.OutputDirectory, app.ProjectDirectory);
        var appSettings = new AppSettingResolver(localValues);

        var connection = new WorkerConnection(new WorkerLogWriter(console, options.Verbose));
        grpcServer = CreateGrpcServer(connection);
        await grpcServer.StartAsync(shutdown);
        var grpcUri = WebServerFactory.BoundAddress(grpcServer);

        worker = WorkerProcess.Start(app, grpcUri, Guid.NewGuid().ToString(), localValues, console);
        console.Info($"started worker {app.AppName} (pid {worker.Id}) from {app.OutputDirectory}");
        _ = worker.Exited.ContinueWith(
            exit => connection.Fail($"the worker process exited with code {exit.Result}"),
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);

        var startup = await new WorkerStartup(connection, worker, app, options.WorkerTimeout, console).RunAsync(shutdown);
        if (startup.Capabilities.TryGetValue(WorkerStartup.HttpUriCapability, out var httpUri) && Uri.TryCreate(httpUri, UriKind.Absolute, out var workerUri))
        {
            forwarder = new AspNetCoreForwarder(workerUri);
            console.Info($"the worker uses the ASP.NET Core integration; HTTP requests are forwarded to {workerUri}");
        }

        var runner = new InvocationRunner(connection, settings, console);
        var journal = new InvocationJournal();
        var queueNames = new QueueNames(startup.Functions, appSettings);
        var invoker = new NonHttpInvoker(runner, journal, settings, queueNames, console);
        var handler = new HttpFunctionHandler(runner, console, forwarder);

        httpServer = CreateHttpServer(startup.Functions, settings, handler, invoker, journal, queueNames, connection, out var served);
        try
        {
            await httpServer.StartAsync(shutdown);
        }
        catch (IOException exception)
        {
            throw new StartupException($"Cannot listen on 127.0.0.1:{options.Port}: {exception.Message}");
        }

        PrintReady(startup.Functions, served, settings);

        var stopped = Task.Delay(Timeout.Infinite, shutdown);
        var first = await Task.WhenAny(stopped, connection.Closed);
        if (first == stopped)
        {
            await StopGracefullyAsync(connection, invoker);
            return 0;
        }

        // The stream usually breaks a moment before the process exit is seen; prefer the exit code as the reason.
        var reason = await connection.Closed;
        if (await Task.WhenAny(worker.Exited, Task.Delay(TimeSpan.FromSeconds(3))) == worker.Exited)
        {
            reason = $"the worker process exited with code {worker.Exited.Result}";
        }

        console.Error($"stopping because {reason}.");
        await StopServersAsync();
        return 1;
    }

    public async ValueTask DisposeAsync()
    {
        worker?.Kill();
        await StopServersAsync();
        forwarder?.Dispose();
        worker?.Dispose();
        if (httpServer is not null)
        {
            await httpServer.DisposeAsync();
        }

        if (grpcServer is not null)
        {
            await grpcServer.DisposeAsync();
        }
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
        await StopServersAsync();
        console.Info("stopped");
    }

    private async Task StopServersAsync()
    {
        if (httpServer is not null)
        {
            await StopQuietlyAsync(httpServer);
        }

        if (grpcServer is not null)
        {
            await StopQuietlyAsync(grpcServer);
        }
    }

    private static async Task StopQuietlyAsync(WebApplication server)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(3));
            await server.StopAsync(timeout.Token);
        }
        catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException or InvalidOperationException)
        {
            // Stopping is best effort; the process is about to exit.
        }
    }

    private static WebApplication CreateGrpcServer(WorkerConnection connection)
    {
        // Port 0: a free loopback port; h2c with prior knowledge, as the worker's gRPC client expects.
        var builder = WebServerFactory.CreateBuilder(0, HttpProtocols.Http2);
        builder.Services.AddSingleton(connection);
        builder.Services.AddGrpc(grpc =>
        {
            grpc.MaxReceiveMessageSize = null;
            grpc.MaxSendMessageSize = null;
        });
        var app = builder.Build();
        app.MapGrpcService<FunctionRpcService>();
        return app;
    }

    private WebApplication CreateHttpServer(
        IReadOnlyList<FunctionDescriptor> functions,
        HostSettings settings,
        HttpFunctionHandler handler,
        NonHttpInvoker invoker,
        InvocationJournal journal,
        QueueNames queueNames,
        WorkerConnection connection,
        out IReadOnlyList<FunctionDescriptor> served)
    {
        var builder = WebServerFactory.CreateBuilder(options.Port, HttpProtocols.Http1AndHttp2);
        builder.Services.AddRouting();
        var app = builder.Build();
        AdminEndpoints.Map(app, functions, settings.RoutePrefix, invoker, journal, queueNames, connection);
        served = HttpFunctionRoutes.Map(app, functions, settings.RoutePrefix, handler, console);
        return app;
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
