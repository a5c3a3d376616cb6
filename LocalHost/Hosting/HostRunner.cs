namespace YieldDeps.LocalHost.Hosting;

/// <summary>Entry point logic: parses the command line, runs the host, maps failures to exit codes.</summary>
internal static class HostRunner
{
    public static async Task<int> RunAsync(string[] args)
    {
        // First of all: before the runtime sets up its signal handling (see InheritedSignalIgnore).
        var unignored = InheritedSignalIgnore.Undo();
        var console = new HostConsole();
        if (args is ["--help"] or ["-h"])
        {
            console.Raw(HostCommandLine.Usage);
            return 0;
        }

        if (!HostCommandLine.TryParse(args, out var options, out var error))
        {
            console.Error(error!);
            console.Error(HostCommandLine.Usage);
            return 2;
        }

        using var shutdown = new ShutdownSignal();
        if (unignored.Count > 0)
        {
            console.Info($"started with {string.Join(" and ", unignored)} ignored; handling them anyway, to stop gracefully");
        }

        await using var host = new CommandLineHost(options!, console);
        try
        {
            return await host.RunAsync(shutdown.Token);
        }
        catch (StartupException exception)
        {
            console.Error(exception.Message);
            return exception.ExitCode;
        }
        catch (OperationCanceledException) when (shutdown.Token.IsCancellationRequested)
        {
            console.Info("stopped during startup");
            return 0;
        }
    }
}
