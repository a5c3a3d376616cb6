using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using YieldDeps.LocalHost.FunctionApp;
using YieldDeps.LocalHost.Hosting;
using YieldDeps.LocalHost.Invocations;
using YieldDeps.Testing.Factory;

namespace YieldDeps.Testing;

/// <summary>
/// Runs an isolated-worker function app, its own entry point (<c>Program</c>) and all it configures, inside the
/// test process, under the same host-side code as LocalHost: the worker is driven only through the Functions host
/// protocol (gRPC), and its HTTP functions are served through LocalHost's HTTP front. Shaped like ASP.NET Core's
/// <c>WebApplicationFactory&lt;TEntryPoint&gt;</c>: use it as an xunit class fixture, replace services with
/// <see cref="WithWorkerHost"/> or <see cref="ConfigureWorkerHost"/>, give settings with <see cref="WithSetting"/>,
/// call functions with <see cref="CreateClient"/> and <see cref="InvokeAsync"/>. The app starts on first use.
/// </summary>
/// <typeparam name="TEntryPoint">Any type of the function app's assembly, usually its <c>Program</c>.</typeparam>
public partial class FunctionsApplicationFactory<TEntryPoint> : IDisposable, IAsyncDisposable
    where TEntryPoint : class
{
    /// <summary>The worker reads this as its gRPC message size limit; 0 would make its first send fail.</summary>
    private const string MaxMessageLength = "2147483647";

    private static readonly TimeSpan StopGracePeriod = TimeSpan.FromSeconds(5);

    private readonly FunctionsApplicationFactory<TEntryPoint>? parent;
    private readonly Action<IHostBuilder>? configure;
    private readonly Dictionary<string, string?> settings;
    private readonly SemaphoreSlim startGate = new(1, 1);
    private readonly List<HttpClient> clients = [];
    private HostSession? session;
    private HostingEventObserver? observer;
    private Task? entryPoint;
    private IHost? host;
    private bool disposed;
    private (Uri Address, string App)? aspNetCoreClaim;

    /// <summary>Creates a factory for the app that contains <typeparamref name="TEntryPoint"/>; nothing runs until first use.</summary>
    public FunctionsApplicationFactory()
    {
        settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
    }

    private FunctionsApplicationFactory(FunctionsApplicationFactory<TEntryPoint> parent, Action<IHostBuilder>? configure, IEnumerable<KeyValuePair<string, string?>> settings)
    {
        this.parent = parent;
        this.configure = configure;
        this.settings = new Dictionary<string, string?>(settings, StringComparer.OrdinalIgnoreCase);
        Output = parent.Output;
        StartupTimeout = parent.StartupTimeout;
        UseLocalSettings = parent.UseLocalSettings;
    }

    /// <summary>
    /// Receives the host's lines and the app's logs as the worker sends them over the protocol, one line at a time;
    /// set it to a test's <c>ITestOutputHelper.WriteLine</c>. A writer that throws (a test that has ended) is ignored.
    /// </summary>
    public Action<string>? Output { get; set; }

    /// <summary>How long the app may take to build its host, connect and load its functions; 60 seconds unless set.</summary>
    public TimeSpan StartupTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Whether the app gets the <c>Values</c> of the local.settings.json in its folder (the test's output folder when the
    /// app's project copies the file there, as the Functions templates do), as <c>func start</c> gives them; true
    /// unless set. Settings given with <see cref="WithSetting"/> or <see cref="UseSetting"/> win over the file's.
    /// </summary>
    /// <value>True: the file is read when it exists.</value>
    public bool UseLocalSettings { get; set; } = true;

    /// <summary>The app's services, from its running host; starts the app if it has not started.</summary>
    public IServiceProvider Services => EnsureStarted().Services;

    /// <summary>The names of the functions the worker loaded; starts the app if it has not started.</summary>
    public IReadOnlyList<string> FunctionNames
    {
        get
        {
            EnsureStarted();
            return session!.Functions.Select(function => function.Name).ToArray();
        }
    }

    /// <summary>
    /// A new factory for the same app, with <paramref name="configuration"/> applied to the app's host builder after
    /// this factory's own configuration (services added or replaced there win over the app's).
    /// </summary>
    public FunctionsApplicationFactory<TEntryPoint> WithWorkerHost(Action<IHostBuilder> configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return new FunctionsApplicationFactory<TEntryPoint>(this, configuration, settings);
    }

    /// <summary>
    /// A new factory for the same app with an app setting, as the Functions host gives one (from local.settings.json or
    /// the app's configuration in Azure). It reaches the app's configuration as a command-line argument, so
    /// <c>Program</c> sees it even when it reads configuration before building the host; no environment variable is set.
    /// </summary>
    public FunctionsApplicationFactory<TEntryPoint> WithSetting(string name, string? value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var all = new Dictionary<string, string?>(settings, StringComparer.OrdinalIgnoreCase) { [name] = value };
        return new FunctionsApplicationFactory<TEntryPoint>(this, null, all);
    }

    /// <summary>
    /// Gives the app a setting, like <see cref="WithSetting"/> but on this factory; for a derived factory's constructor.
    /// </summary>
    /// <exception cref="InvalidOperationException">The app has already started.</exception>
    public void UseSetting(string name, string? value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (session is not null)
        {
            throw new InvalidOperationException("Settings must be given before the app starts.");
        }

        settings[name] = value;
    }

    /// <summary>Starts the app (if not started): runs its entry point, completes the host handshake and starts the HTTP front.</summary>
    /// <exception cref="InvalidOperationException">The app failed to start; the message says why.</exception>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        await startGate.WaitAsync(cancellationToken);
        try
        {
            if (host is null)
            {
                await StartCoreAsync(cancellationToken);
            }
        }
        finally
        {
            startGate.Release();
        }
    }

    /// <summary>
    /// An <see cref="HttpClient"/> to the app's HTTP functions, through the host's HTTP front (routes with the
    /// <c>routePrefix</c> of host.json, methods, both HTTP models); starts the app if it has not started.
    /// </summary>
    public HttpClient CreateClient()
    {
        EnsureStarted();
        var client = new HttpClient { BaseAddress = session!.HttpUri };
        lock (clients)
        {
            clients.Add(client);
        }

        return client;
    }

    /// <summary>
    /// Invokes a function that is not HTTP-triggered with <paramref name="input"/> as its trigger data (a queue
    /// message, timer information as JSON, ...) and waits until it has ended. A queue message is retried as the host
    /// does, up to <c>maxDequeueCount</c>, and then moved to its poison queue.
    /// </summary>
    /// <exception cref="ArgumentException">No function has that name, or it is HTTP-triggered (use <see cref="CreateClient"/>).</exception>
    public async Task<FunctionInvocationResult> InvokeAsync(string functionName, string? input = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(functionName);
        await StartAsync();
        var function = session!.Functions.FirstOrDefault(candidate => string.Equals(candidate.Name, functionName, StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException(
                $"The app has no function named '{functionName}'; its functions are: {string.Join(", ", session.Functions.Select(f => f.Name))}.",
                nameof(functionName));
        if (function.IsHttp)
        {
            throw new ArgumentException($"'{function.Name}' is HTTP-triggered: call it through CreateClient().", nameof(functionName));
        }

        var run = await session.Invoker.RunAsync(function, input);
        return InvocationResults.From(function.Name, run);
    }

    /// <summary>
    /// Configures the app's host builder just before the app builds it: add or replace services and configuration
    /// here (a derived factory's counterpart of <c>WebApplicationFactory.ConfigureWebHost</c>). Runs after the app's own
    /// registrations, so a service registered here replaces the app's.
    /// </summary>
    protected virtual void ConfigureWorkerHost(IHostBuilder builder)
    {
    }

    /// <summary>Stops the app: the worker is told to terminate over the protocol, the entry point returns, the servers stop.</summary>
    public void Dispose()
    {
        DisposeAsync().AsTask().GetAwaiter().GetResult();
        GC.SuppressFinalize(this);
    }

    /// <inheritdoc cref="Dispose()"/>
    public virtual async ValueTask DisposeAsync()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        await StopAsync();
        startGate.Dispose();
        GC.SuppressFinalize(this);
    }

    private IHost EnsureStarted()
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        if (host is null)
        {
            StartAsync().GetAwaiter().GetResult();
        }

        return host!;
    }

    private void ApplyConfiguration(IHostBuilder builder)
    {
        parent?.ApplyConfiguration(builder);
        ConfigureWorkerHost(builder);
        configure?.Invoke(builder);
    }

    private async Task StartCoreAsync(CancellationToken cancellationToken)
    {
        var console = new HostConsole(WriteLine);
        session = new HostSession(console, verbose: false);
        try
        {
            await session.StartGrpcAsync(cancellationToken);
            var assembly = typeof(TEntryPoint).Assembly;
            var appDirectory = Path.GetDirectoryName(assembly.Location) is { Length: > 0 } directory ? directory : AppContext.BaseDirectory;
            var appSettings = FactorySettings.Merge(appDirectory, UseLocalSettings, settings);
            appSettings["Functions:Worker:HostEndpoint"] = session.GrpcUri.AbsoluteUri;
            appSettings["Functions:Worker:WorkerId"] = Guid.NewGuid().ToString();
            appSettings["Functions:Worker:RequestId"] = Guid.NewGuid().ToString();
            appSettings["Functions:Worker:GrpcMaxMessageLength"] = MaxMessageLength;
            FactorySettings.EnsureApplicationDirectory(appDirectory);
            observer = new HostingEventObserver(builder => OnHostBuilding(builder, assembly, appSettings));
            var args = new List<string>();
            if (!appSettings.ContainsKey(HostDefaults.EnvironmentKey))
            {
                // As under the Functions host's local run and ASP.NET Core's factory: the Development environment.
                args.Add($"--{HostDefaults.EnvironmentKey}=Development");
            }

            args.AddRange(appSettings.Select(setting => $"--{setting.Key}={setting.Value}"));
            entryPoint = EntryPointRunner.Start(assembly, [.. args], observer);

            var workerGone = entryPoint.ContinueWith(
                ended => ended.Exception?.InnerException is { } failure
                    ? $"The app's entry point failed before its worker connected: {failure.GetType().Name}: {failure.Message}"
                    : "The app's entry point returned before its worker connected to the host.",
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
            var hostSettings = HostSettings.Load(appDirectory, null, name => appSettings.GetValueOrDefault(name));
            var resolver = new AppSettingResolver(appSettings.Where(pair => pair.Value is not null).ToDictionary(pair => pair.Key, pair => pair.Value!));
            await session.ConnectAsync(workerGone, appDirectory, StartupTimeout, hostSettings, resolver, httpPort: 0, cancellationToken);
            ClaimAspNetCoreAddress(assembly);
            host = await observer.Built.WaitAsync(StartupTimeout, cancellationToken);
            observer.Dispose();
        }
        catch (Exception exception) when (exception is StartupException or TimeoutException)
        {
            var cause = entryPoint is { IsFaulted: true } ? entryPoint.Exception!.InnerException : null;
            await StopAsync();
            throw new InvalidOperationException($"{typeof(TEntryPoint).Assembly.GetName().Name} did not start: {exception.Message}", cause);
        }
        catch
        {
            await StopAsync();
            throw;
        }
    }

    private void OnHostBuilding(IHostBuilder builder, Assembly assembly, IReadOnlyDictionary<string, string?> appSettings)
    {
        // Also for apps whose Program does not pass its arguments to the host builder.
        builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(appSettings));

        // The worker looks for the source-generated startup code (function metadata, direct executor) in the entry
        // assembly, which in a test run is the test runner's: run the app assembly's own.
        foreach (var type in assembly.GetTypes().Where(type =>
                     typeof(IAutoConfigureStartup).IsAssignableFrom(type) && type is { IsAbstract: false, IsInterface: false }))
        {
            ((IAutoConfigureStartup)Activator.CreateInstance(type)!).Configure(builder);
        }

        // The factory, not Ctrl+C, stops this host.
        builder.ConfigureServices(services => services.AddSingleton<IHostLifetime, ManualHostLifetime>());
        ApplyConfiguration(builder);
    }

    private void ClaimAspNetCoreAddress(Assembly assembly)
    {
        if (session!.AspNetCoreUri is not { } address)
        {
            return;
        }

        var app = $"{assembly.GetName().Name} ({Guid.NewGuid():N})";
        if (!AspNetCoreAddresses.TryClaim(address, app, out var holder))
        {
            throw new StartupException(
                $"its worker's ASP.NET Core integration reports {address}, which another factory's app, {holder[..holder.IndexOf(' ', StringComparison.Ordinal)]}, " +
                "is serving: the integration picks one port per process, so apps on it cannot run side by side in one test process. " +
                "Run their tests one at a time (one xunit collection).");
        }

        aspNetCoreClaim = (address, app);
    }

    private async Task StopAsync()
    {
        lock (clients)
        {
            foreach (var client in clients)
            {
                client.Dispose();
            }

            clients.Clear();
        }

        observer?.Dispose();
        if (session is null)
        {
            return;
        }

        if (entryPoint is { IsCompleted: false })
        {
            // As the Functions host does: WorkerTerminate over the protocol, then the end of the worker, which in
            // the test process is its host stopping, so that Program's Run returns.
            if (session.Invoker is { } invoker)
            {
                await invoker.StopAsync(TimeSpan.FromSeconds(1));
            }

            session.Connection.Terminate(StopGracePeriod);
            try
            {
                host?.Services.GetService<IHostApplicationLifetime>()?.StopApplication();
            }
            catch (ObjectDisposedException)
            {
                // The terminated worker's host stopped and Program's Run disposed it meanwhile: it is stopped already.
            }

            await Task.WhenAny(entryPoint, Task.Delay(StopGracePeriod));
        }

        session.Connection.Fail("the test host is stopping");
        await session.DisposeAsync();
        session = null;
        if (aspNetCoreClaim is { } claim)
        {
            // Once the app has stopped, so that the next app on the integration finds the port free.
            AspNetCoreAddresses.Release(claim.Address, claim.App);
            aspNetCoreClaim = null;
        }
    }

    private void WriteLine(string line, bool error)
    {
        try
        {
            Output?.Invoke(line);
        }
        catch (InvalidOperationException)
        {
            // The test that gave the writer has ended.
        }
    }
}
