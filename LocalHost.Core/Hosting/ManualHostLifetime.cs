namespace YieldDeps.LocalHost.Hosting;

/// <summary>
/// Keeps the web servers from reacting to Ctrl+C themselves: LocalHost must first tell the worker
/// to terminate, so it owns the shutdown order (see <see cref="ShutdownSignal"/>).
/// </summary>
internal sealed class ManualHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
