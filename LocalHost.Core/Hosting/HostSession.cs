using Microsoft.AspNetCore.Server.Kestrel.Core;
using YieldDeps.LocalHost.Admin;
using YieldDeps.LocalHost.FunctionApp;
using YieldDeps.LocalHost.Functions;
using YieldDeps.LocalHost.Http;
using YieldDeps.LocalHost.Invocations;
using YieldDeps.LocalHost.Worker;

namespace YieldDeps.LocalHost.Hosting;

/// <summary>
/// The host side of one worker, whatever runs the worker (a process, or the app's entry point in a test): the gRPC
/// server it connects to, the startup handshake, the invocation rules, and the HTTP front with the admin API.
/// Start the gRPC server, start the worker with <see cref="GrpcUri"/>, then <see cref="ConnectAsync"/>.
/// </summary>
internal sealed class HostSession(HostConsole console, bool verbose) : IAsyncDisposable
{
    private WebApplication? grpcServer;
    private WebApplication? httpServer;
    private AspNetCoreForwarder? forwarder;

    public WorkerConnection Connection { get; } = new(new WorkerLogWriter(console, verbose));

    /// <summary>Where the worker connects: the gRPC server's loopback address.</summary>
    public Uri GrpcUri { get; private set; } = null!;

    /// <summary>Where the HTTP front listens, once connected.</summary>
    public Uri HttpUri { get; private set; } = null!;

    public HostSettings Settings { get; private set; } = null!;

    /// <summary>The functions the worker loaded.</summary>
    public IReadOnlyList<FunctionDescriptor> Functions { get; private set; } = [];

    /// <summary>The HTTP functions whose route could be mapped.</summary>
    public IReadOnlyList<FunctionDescriptor> Served { get; private set; } = [];

    public NonHttpInvoker Invoker { get; private set; } = null!;

    public InvocationJournal Journal { get; } = new();

    /// <summary>The messages functions wrote to queue output bindings, delivered to the functions reading those queues.</summary>
    public QueueOutputs QueueOutputs { get; private set; } = null!;

    /// <summary>The worker's ASP.NET Core integration address (its HttpUri capability), when it uses it.</summary>
    public Uri? AspNetCoreUri { get; private set; }

    public async Task StartGrpcAsync(CancellationToken cancellationToken)
    {
        // Port 0: a free loopback port; h2c with prior knowledge, as the worker's gRPC client expects.
        var builder = WebServerFactory.CreateBuilder(0, HttpProtocols.Http2);
        builder.Services.AddSingleton(Connection);
        builder.Services.AddGrpc(grpc =>
        {
            grpc.MaxReceiveMessageSize = null;
            grpc.MaxSendMessageSize = null;
        });
        grpcServer = builder.Build();
        grpcServer.MapGrpcService<FunctionRpcService>();
        await grpcServer.StartAsync(cancellationToken);
        GrpcUri = WebServerFactory.BoundAddress(grpcServer);
    }

    /// <summary>
    /// Completes the handshake with the connecting worker, then starts serving HTTP on <paramref name="httpPort"/>
    /// (0 for any free port).
    /// </summary>
    /// <param name="workerGone">Completes, with the sentence to report, if the worker ends before it has connected.</param>
    public async Task ConnectAsync(
        Task<string> workerGone,
        string appDirectory,
        TimeSpan workerTimeout,
        HostSettings settings,
        AppSettingResolver appSettings,
        int httpPort,
        CancellationToken cancellationToken)
    {
        Settings = settings;
        var startup = await new WorkerStartup(Connection, workerGone, appDirectory, workerTimeout, console).RunAsync(cancellationToken);
        Functions = startup.Functions;
        if (startup.Capabilities.TryGetValue(WorkerStartup.HttpUriCapability, out var httpUri) && Uri.TryCreate(httpUri, UriKind.Absolute, out var workerUri))
        {
            AspNetCoreUri = workerUri;
            forwarder = new AspNetCoreForwarder(workerUri);
            console.Info($"the worker uses the ASP.NET Core integration; HTTP requests are forwarded to {workerUri}");
        }

        var queueNames = new QueueNames(Functions, appSettings);
        QueueOutputs = new QueueOutputs(Functions, queueNames, console);
        var runner = new InvocationRunner(Connection, settings, console, QueueOutputs);
        Invoker = new NonHttpInvoker(runner, Journal, settings, queueNames, console);
        QueueOutputs.DeliverWith(Invoker.RunAsync);
        var handler = new HttpFunctionHandler(runner, console, forwarder);

        var builder = WebServerFactory.CreateBuilder(httpPort, HttpProtocols.Http1AndHttp2);
        builder.Services.AddRouting();
        httpServer = builder.Build();
        AdminEndpoints.Map(httpServer, Functions, settings.RoutePrefix, Invoker, Journal, queueNames, Connection);
        Served = HttpFunctionRoutes.Map(httpServer, Functions, settings.RoutePrefix, handler, console);
        try
        {
            await httpServer.StartAsync(cancellationToken);
        }
        catch (IOException exception)
        {
            throw new StartupException($"Cannot listen on 127.0.0.1:{httpPort}: {exception.Message}");
        }

        HttpUri = WebServerFactory.BoundAddress(httpServer);
    }

    /// <summary>Stops both servers, best effort and briefly.</summary>
    public async Task StopServersAsync()
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

    public async ValueTask DisposeAsync()
    {
        await StopServersAsync();
        forwarder?.Dispose();
        if (httpServer is not null)
        {
            await httpServer.DisposeAsync();
        }

        if (grpcServer is not null)
        {
            await grpcServer.DisposeAsync();
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
            // Stopping is best effort; the host is going away.
        }
    }
}
