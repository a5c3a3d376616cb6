using YieldDeps.EndToEnd.Tests.Infrastructure;

namespace YieldDeps.EndToEnd.Tests.Contract;

/// <summary>
/// The file a probe app records its events in, one line each: named to the app by its PROBE_EVENTS_FILE setting,
/// an environment variable of the worker process under LocalHost, a setting of the factory in the test process.
/// </summary>
public sealed class ProbeEventsFile
{
    /// <summary>The app setting that names the file.</summary>
    public const string Setting = "PROBE_EVENTS_FILE";

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"localhost-probe-{Guid.NewGuid():N}.events");

    public IReadOnlyList<string> Events()
    {
        if (!File.Exists(Path))
        {
            return [];
        }

        using var stream = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
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

    public void Delete() => File.Delete(Path);
}
