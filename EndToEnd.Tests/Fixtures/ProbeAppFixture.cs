using YieldDeps.EndToEnd.Tests.Infrastructure;
using YieldDeps.Testing;

namespace YieldDeps.EndToEnd.Tests.Fixtures;

/// <summary>
/// One LocalHost in front of one probe app for a whole test collection. The probe records what
/// happens inside the worker (started/cancelled invocations, queue attempts) as lines in
/// <see cref="EventsFile"/>, named to it by the PROBE_EVENTS_FILE environment variable.
/// </summary>
public abstract class ProbeAppFixture(string appName) : IAsyncLifetime
{
    private LocalFunctionsHost? host;

    public string AppName { get; } = appName;

    public string EventsFile { get; } = Path.Combine(Path.GetTempPath(), $"localhost-probe-{Guid.NewGuid():N}.events");

    public LocalFunctionsHost Host => host ?? throw new InvalidOperationException("The fixture has not started.");

    public HttpClient Client => Host.Client;

    public IReadOnlyList<string> Events()
    {
        if (!File.Exists(EventsFile))
        {
            return [];
        }

        using var stream = new FileStream(EventsFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    public async Task WaitForEventAsync(string line)
    {
        try
        {
            await Eventually.WaitForAsync(() => Events().Contains(line), $"probe event '{line}'");
        }
        catch (TimeoutException timeout)
        {
            // The events as they were when the wait gave up, not when it began.
            throw new TimeoutException($"{timeout.Message} (events: {string.Join(", ", Events())})", timeout);
        }
    }

    public async Task InitializeAsync()
    {
        // The project folder, so LocalHost's own build step is exercised too.
        var environment = new Dictionary<string, string>(AppEnvironment) { ["PROBE_EVENTS_FILE"] = EventsFile };
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

        File.Delete(EventsFile);
    }
}
