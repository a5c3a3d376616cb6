using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace YieldDeps.Tests.Support;

/// <summary>
/// Starts the registered hosted services once, in the order the generic host does (Starting, Start, Started for
/// lifecycle services), so startup work such as validation runs before the first invocation; stops them in reverse.
/// </summary>
internal sealed class HostedServiceRunner(IServiceProvider services)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private IHostedService[]? _started;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _started) is not null)
        {
            // Started already: an invocation whose token is cancelled still runs (and is cancelled in the pipeline).
            return;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_started is not null)
            {
                return;
            }

            var hosted = services.GetServices<IHostedService>().ToArray();
            foreach (var lifecycle in hosted.OfType<IHostedLifecycleService>())
            {
                await lifecycle.StartingAsync(cancellationToken);
            }

            foreach (var service in hosted)
            {
                await service.StartAsync(cancellationToken);
            }

            foreach (var lifecycle in hosted.OfType<IHostedLifecycleService>())
            {
                await lifecycle.StartedAsync(cancellationToken);
            }

            _started = hosted;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task StopAsync()
    {
        var started = Interlocked.Exchange(ref _started, null);
        if (started is null)
        {
            return;
        }

        foreach (var service in Enumerable.Reverse(started))
        {
            await service.StopAsync(CancellationToken.None);
        }
    }
}
