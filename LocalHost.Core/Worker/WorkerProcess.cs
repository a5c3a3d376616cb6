using System.Diagnostics;
using YieldDeps.LocalHost.FunctionApp;
using YieldDeps.LocalHost.Hosting;

namespace YieldDeps.LocalHost.Worker;

/// <summary>
/// The worker process, started the way the Functions host starts a dotnet-isolated worker:
/// from its output folder, with the gRPC endpoint and ids on the command line.
/// </summary>
internal sealed class WorkerProcess : IDisposable
{
    /// <summary>The worker reads this as its gRPC message size limit; 0 would make its first send fail.</summary>
    private const string MaxMessageLength = "2147483647";

    private readonly Process process;
    private readonly TaskCompletionSource<int> exited = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private WorkerProcess(Process process)
    {
        this.process = process;
    }

    public int Id => process.Id;

    /// <summary>Completes with the exit code once the process has exited and its output is drained.</summary>
    public Task<int> Exited => exited.Task;

    public static WorkerProcess Start(
        AppLayout app,
        Uri grpcUri,
        string workerId,
        IReadOnlyDictionary<string, string> appSettings,
        HostConsole console)
    {
        var startInfo = new ProcessStartInfo(ResolveExecutable(app.WorkerExecutable))
        {
            WorkingDirectory = app.OutputDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
        };

        if (IsDotnetHost(app.WorkerExecutable))
        {
            startInfo.ArgumentList.Add(app.WorkerPath);
        }

        foreach (var argument in new[]
                 {
                     "--functions-uri", grpcUri.AbsoluteUri,
                     "--functions-worker-id", workerId,
                     "--functions-request-id", Guid.NewGuid().ToString(),
                     "--functions-grpc-max-message-length", MaxMessageLength,
                 })
        {
            startInfo.ArgumentList.Add(argument);
        }

        // LocalHost's own environment comes first: a variable that is already set wins over local.settings.json.
        foreach (var (name, value) in appSettings)
        {
            if (!startInfo.Environment.ContainsKey(name) || startInfo.Environment[name] is null)
            {
                startInfo.Environment[name] = value;
            }
        }

        startInfo.Environment.TryAdd("AZURE_FUNCTIONS_ENVIRONMENT", "Development");
        startInfo.Environment["FUNCTIONS_WORKER_RUNTIME"] = "dotnet-isolated";
        startInfo.Environment["FUNCTIONS_WORKER_DIRECTORY"] = app.OutputDirectory;
        startInfo.Environment["FUNCTIONS_APPLICATION_DIRECTORY"] = app.OutputDirectory;

        var tiedToLocalHost = ParentDeathSignal.IsAvailable;
        if (tiedToLocalHost)
        {
            ParentDeathSignal.Apply(startInfo);
        }

        var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        var worker = new WorkerProcess(process);
        var stdoutDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var stderrDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                stdoutDone.TrySetResult();
            }
            else
            {
                console.Worker(e.Data);
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                stderrDone.TrySetResult();
            }
            else
            {
                console.WorkerError(e.Data);
            }
        };
        process.Exited += async (_, _) =>
        {
            // Let the last lines of output through before reporting the exit.
            await Task.WhenAny(Task.WhenAll(stdoutDone.Task, stderrDone.Task), Task.Delay(TimeSpan.FromSeconds(2)));
            worker.exited.TrySetResult(process.ExitCode);
        };

        try
        {
            if (tiedToLocalHost)
            {
                ParentDeathSignal.Start(process);
            }
            else
            {
                process.Start();
            }
        }
        catch (Exception exception) when (exception is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            process.Dispose();
            throw new StartupException($"Could not start the worker '{startInfo.FileName}': {exception.Message}");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return worker;
    }

    public void Kill()
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
    }

    public void Dispose() => process.Dispose();

    private static bool IsDotnetHost(string executable) =>
        string.Equals(Path.GetFileNameWithoutExtension(executable), "dotnet", StringComparison.OrdinalIgnoreCase);

    /// <summary>Prefers the dotnet host running LocalHost, so both use the same runtime installation.</summary>
    private static string ResolveExecutable(string executable)
    {
        if (IsDotnetHost(executable) && !Path.IsPathRooted(executable)
            && Environment.ProcessPath is { } current && IsDotnetHost(current))
        {
            return current;
        }

        return executable;
    }
}
