using Microsoft.Extensions.Configuration;

namespace ProbeShared;

/// <summary>
/// Appends one line per event to the file named by the app setting PROBE_EVENTS_FILE, so tests can see what happened
/// inside the worker without parsing its logs. Read from the app's configuration, not the process environment, so two
/// apps in one test process (FunctionsApplicationFactory) each write to their own file.
/// </summary>
public sealed class ProbeEvents(IConfiguration configuration)
{
    private readonly string? path = configuration["PROBE_EVENTS_FILE"];
    private readonly Lock gate = new();

    public void Record(string line)
    {
        if (string.IsNullOrEmpty(path))
        {
            return;
        }

        lock (gate)
        {
            File.AppendAllText(path, line + Environment.NewLine);
        }
    }

    /// <summary>Records <c>started:{tag}</c>, waits until the token is cancelled, then records <c>cancelled:{tag}</c>.</summary>
    public async Task WaitUntilCancelledAsync(string tag, CancellationToken cancellationToken)
    {
        Record($"started:{tag}");
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            Record($"cancelled:{tag}");
            throw;
        }
    }
}
