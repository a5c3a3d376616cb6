using System.Net;
using System.Net.Http.Json;
using YieldDeps.EndToEnd.Tests.Contract;
using YieldDeps.EndToEnd.Tests.Infrastructure;
using YieldDeps.Testing;

namespace YieldDeps.EndToEnd.Tests.Fixtures;

/// <summary>
/// One LocalHost in front of one probe app for a whole test collection. The probe records what
/// happens inside the worker (started/cancelled invocations, queue attempts) as lines in
/// <see cref="EventsFile"/>, named to it by the PROBE_EVENTS_FILE environment variable.
/// </summary>
public abstract class ProbeAppFixture(string appName) : IAsyncLifetime, IRunningApp
{
    private readonly ProbeEventsFile events = new();
    private LocalFunctionsHost? host;

    public string AppName { get; } = appName;

    public string EventsFile => events.Path;

    public LocalFunctionsHost Host => host ?? throw new InvalidOperationException("The fixture has not started.");

    public HttpClient Client => Host.Client;

    public Uri BaseAddress => Host.BaseAddress;

    public int Port => Host.Port;

    public string Output => Host.Output;

    public Task WaitForOutputAsync(string text) => Host.WaitForOutputAsync(text);

    public async Task SendQueueMessageAsync(string functionName, string message)
    {
        using var accepted = await Client.PostAsJsonAsync($"admin/functions/{functionName}", new { input = message });
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
    }

    public IReadOnlyList<string> Events() => events.Events();

    public Task WaitForEventAsync(string line) => events.WaitForEventAsync(line);

    public async Task InitializeAsync()
    {
        // The project folder, so LocalHost's own build step is exercised too.
        var environment = new Dictionary<string, string>(AppEnvironment) { [ProbeEventsFile.Setting] = EventsFile };
        host = await LocalFunctionsHost.StartAsync(RepositoryPaths.ProbeApp(AppName), environment);
    }

    /// <summary>Gets further environment variables for the app, beside PROBE_EVENTS_FILE.</summary>
    protected virtual IReadOnlyDictionary<string, string> AppEnvironment { get; } = new Dictionary<string, string>();

    public virtual async Task DisposeAsync()
    {
        if (host is not null)
        {
            await host.DisposeAsync();
        }

        events.Delete();
    }
}
