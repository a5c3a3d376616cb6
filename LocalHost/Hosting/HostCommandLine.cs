using System.Globalization;

namespace YieldDeps.LocalHost.Hosting;

/// <summary>The parsed command line: <c>--app &lt;folder&gt; [--port 7071] [--worker-timeout 60] [--configuration Debug] [--verbose]</c>.</summary>
internal sealed record HostCommandLine(string AppPath, int Port, TimeSpan WorkerTimeout, bool Verbose, string Configuration = HostCommandLine.DefaultConfiguration)
{
    /// <summary>The build configuration of an app given as a project, unless the command line or the environment says otherwise.</summary>
    public const string DefaultConfiguration = "Debug";

    /// <summary>The environment variable that sets the build configuration when the command line does not.</summary>
    public const string ConfigurationVariable = "YIELDDEPS_LOCALHOST_CONFIGURATION";

    public const int DefaultPort = 7071;

    /// <summary>How long the worker may take to connect and to answer each startup request.</summary>
    public static readonly TimeSpan DefaultWorkerTimeout = TimeSpan.FromSeconds(60);

    public const string Usage =
        "Usage: LocalHost --app <function app project folder, .csproj, or build output folder> [--port 7071] [--worker-timeout <seconds, 60>] [--configuration <Debug|Release>] [--verbose]";

    public static bool TryParse(IReadOnlyList<string> args, out HostCommandLine? result, out string? error) =>
        TryParse(args, Environment.GetEnvironmentVariable, out result, out error);

    public static bool TryParse(IReadOnlyList<string> args, Func<string, string?> environment, out HostCommandLine? result, out string? error)
    {
        result = null;
        error = null;
        string? app = null;
        var port = DefaultPort;
        var verbose = false;
        var workerTimeout = DefaultWorkerTimeout;
        var configuration = environment(ConfigurationVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment : DefaultConfiguration;

        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--app" when i + 1 < args.Count:
                    app = args[++i];
                    break;
                case "--port" when i + 1 < args.Count:
                    if (!int.TryParse(args[++i], NumberStyles.None, CultureInfo.InvariantCulture, out port) || port is < 1 or > 65535)
                    {
                        error = $"--port must be a TCP port number, not '{args[i]}'.";
                        return false;
                    }

                    break;
                case "--worker-timeout" when i + 1 < args.Count:
                    if (!int.TryParse(args[++i], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || seconds < 1)
                    {
                        error = $"--worker-timeout must be a number of seconds, not '{args[i]}'.";
                        return false;
                    }

                    workerTimeout = TimeSpan.FromSeconds(seconds);
                    break;
                case "--configuration" when i + 1 < args.Count:
                    configuration = args[++i];
                    break;
                case "--verbose":
                    verbose = true;
                    break;
                default:
                    error = $"Unknown or incomplete argument '{args[i]}'.";
                    return false;
            }
        }

        if (string.IsNullOrWhiteSpace(app))
        {
            error = "--app is required.";
            return false;
        }

        if (string.IsNullOrWhiteSpace(configuration) || configuration.IndexOfAny(['/', '\\', ' ']) >= 0)
        {
            error = $"--configuration must name a build configuration such as Debug or Release, not '{configuration}'.";
            return false;
        }

        result = new HostCommandLine(Path.GetFullPath(app), port, workerTimeout, verbose, configuration);
        return true;
    }
}
