namespace YieldDeps.LocalHost.Hosting;

/// <summary>A failure that stops LocalHost before it serves anything; its message is shown as is.</summary>
internal sealed class StartupException(string message, int exitCode = 1) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
