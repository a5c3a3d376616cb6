namespace YieldDeps.LocalHost.Hosting;

/// <summary>
/// Writes LocalHost's own lines and everything the worker reports to the console, one whole line
/// at a time, so output from concurrent invocations never interleaves mid-line. By default the lines go to
/// the process's console; a host embedded in a test gives its own writer instead.
/// </summary>
internal sealed class HostConsole
{
    private const string HostPrefix = "LocalHost: ";
    private const string WorkerPrefix = "[worker] ";

    private readonly object gate = new();
    private readonly Action<string, bool>? writeLine;

    public HostConsole()
    {
    }

    /// <summary>Sends every line to <paramref name="writeLine"/> (the line, and whether it reports an error) instead of the console.</summary>
    public HostConsole(Action<string, bool> writeLine)
    {
        this.writeLine = writeLine;
    }

    public void Info(string message) => Write(Console.Out, HostPrefix + message);

    public void Error(string message) => Write(Console.Error, HostPrefix + message);

    public void Worker(string message) => Write(Console.Out, WorkerPrefix + message);

    public void WorkerError(string message) => Write(Console.Error, WorkerPrefix + message);

    /// <summary>Writes text that is not LocalHost's own, such as the output of a failed build, unprefixed.</summary>
    public void Raw(string text) => Write(Console.Out, text.TrimEnd());

    private void Write(TextWriter writer, string line)
    {
        if (writeLine is not null)
        {
            writeLine(line, writer == Console.Error);
            return;
        }

        lock (gate)
        {
            writer.WriteLine(line);
            writer.Flush();
        }
    }
}
