namespace YieldDeps.LocalHost.FunctionApp;

/// <summary>Where a built function app lives and how to start its worker.</summary>
/// <param name="OutputDirectory">The build output folder (the one holding worker.config.json).</param>
/// <param name="ProjectDirectory">The project folder, when LocalHost was pointed at one.</param>
/// <param name="WorkerExecutable">What to run: usually <c>dotnet</c>.</param>
/// <param name="WorkerPath">The worker assembly or executable, absolute.</param>
internal sealed record AppLayout(string OutputDirectory, string? ProjectDirectory, string WorkerExecutable, string WorkerPath)
{
    public string AppName => Path.GetFileNameWithoutExtension(WorkerPath);
}
