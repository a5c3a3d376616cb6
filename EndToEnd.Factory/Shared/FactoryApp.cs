using YieldDeps.EndToEnd.Tests.Contract;
using YieldDeps.EndToEnd.Tests.Infrastructure;
using YieldDeps.Testing;

namespace YieldDeps.EndToEnd.Factory;

/// <summary>
/// A probe app run for the contract tests through <see cref="FunctionsApplicationFactory{TEntryPoint}"/>: its own
/// Program in the test process, driven over the Functions host protocol by the same host-side code as LocalHost. Its
/// settings (PROBE_EVENTS_FILE and those of <see cref="Settings"/>) are the factory's, not environment variables, and
/// <see cref="Output"/> collects what the factory writes to its <c>Output</c>: the host's lines and the worker's logs.
/// </summary>
/// <typeparam name="TEntryPoint">The app's <c>Program</c>.</typeparam>
public class FactoryApp<TEntryPoint> : IRunningApp, IAsyncLifetime
    where TEntryPoint : class
{
    private readonly ProbeEventsFile events = new();
    private readonly List<string> lines = [];
    private FunctionsApplicationFactory<TEntryPoint>? factory;
    private HttpClient? client;

    public FunctionsApplicationFactory<TEntryPoint> Factory => factory ?? throw new InvalidOperationException("The fixture has not started.");

    public HttpClient Client => client ?? throw new InvalidOperationException("The fixture has not started.");

    public Uri BaseAddress => Client.BaseAddress!;

    public int Port => BaseAddress.Port;

    public string Output
    {
        get
        {
            lock (lines)
            {
                return string.Join('\n', lines);
            }
        }
    }

    /// <summary>Gets further settings for the app, beside PROBE_EVENTS_FILE.</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>();

    public async Task WaitForOutputAsync(string text)
    {
        try
        {
            await Eventually.WaitForAsync(() => Output.Contains(text, StringComparison.Ordinal), $"'{text}' in the host's output");
        }
        catch (TimeoutException timeout)
        {
            throw new TimeoutException($"{timeout.Message}{Environment.NewLine}Output:{Environment.NewLine}{Output}", timeout);
        }
    }

    public async Task SendQueueMessageAsync(string functionName, string message) =>
        // The attempts' outcomes are the test's to check, through the journal both hosts keep.
        await Factory.InvokeAsync(functionName, message);

    public IReadOnlyList<string> Events() => events.Events();

    public Task WaitForEventAsync(string line) => events.WaitForEventAsync(line);

    public async Task InitializeAsync()
    {
        factory = new FunctionsApplicationFactory<TEntryPoint> { Output = Collect };
        factory.UseSetting(ProbeEventsFile.Setting, events.Path);
        foreach (var (name, value) in Settings)
        {
            factory.UseSetting(name, value);
        }

        await factory.StartAsync();
        client = factory.CreateClient();
        // As LocalFunctionsHost's client: long enough for the large bodies, short of a hang.
        client.Timeout = TimeSpan.FromMinutes(2);
    }

    public virtual async Task DisposeAsync()
    {
        if (factory is not null)
        {
            await factory.DisposeAsync();
        }

        events.Delete();
    }

    private void Collect(string line)
    {
        lock (lines)
        {
            lines.Add(line);
        }
    }
}
