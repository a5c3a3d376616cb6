namespace ProbeShared;

/// <summary>
/// Appends one line per event to the file named by PROBE_EVENTS_FILE, so tests can see
/// what happened inside the worker without parsing its logs.
/// </summary>
internal static class ProbeEvents
{
    private static readonly Lock Gate = new();

    public static void Record(string line)
    {
        var path = Environment.GetEnvironmentVariable("PROBE_EVENTS_FILE");
        if (string.IsNullOrEmpty(path))
        {
            return;
        }

        lock (Gate)
        {
            File.AppendAllText(path, line + Environment.NewLine);
        }
    }
}
