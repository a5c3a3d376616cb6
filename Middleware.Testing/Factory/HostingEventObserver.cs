using System.Diagnostics;
using Microsoft.Extensions.Hosting;

namespace YieldDeps.Testing.Factory;

/// <summary>
/// Catches the host an app's entry point builds, through the public events the hosting library writes to its
/// <see cref="DiagnosticListener"/> named "Microsoft.Extensions.Hosting": "HostBuilding" carries the
/// <see cref="IHostBuilder"/> just before it builds (for <c>HostApplicationBuilder</c> and
/// <c>FunctionsApplication.CreateBuilder</c> too, as an adapter), "HostBuilt" the <see cref="IHost"/>. The events of
/// every host in the process reach every observer, so only those raised on the entry point's own execution flow
/// (marked by an <see cref="AsyncLocal{T}"/>) are taken: several factories can start at once.
/// </summary>
internal sealed class HostingEventObserver : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private const string ListenerName = "Microsoft.Extensions.Hosting";

    private static readonly AsyncLocal<HostingEventObserver?> Current = new();

    private readonly Action<IHostBuilder> building;
    private readonly TaskCompletionSource<IHost> built = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<IDisposable> subscriptions = [];
    private readonly object gate = new();
    private bool buildingSeen;
    private bool disposed;

    public HostingEventObserver(Action<IHostBuilder> building)
    {
        this.building = building;
        lock (gate)
        {
            subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(this));
        }
    }

    /// <summary>Completes with the app's host once it is built.</summary>
    public Task<IHost> Built => built.Task;

    /// <summary>Marks the calling execution flow (the entry point's thread) as the one whose host this observer takes.</summary>
    public void MarkCurrentFlow() => Current.Value = this;

    public void OnNext(DiagnosticListener value)
    {
        if (value.Name != ListenerName)
        {
            return;
        }

        lock (gate)
        {
            if (!disposed)
            {
                subscriptions.Add(value.Subscribe(this));
            }
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (!ReferenceEquals(Current.Value, this))
        {
            return;
        }

        switch (value.Key)
        {
            case "HostBuilding" when value.Value is IHostBuilder builder && !buildingSeen:
                buildingSeen = true;
                building(builder);
                break;
            case "HostBuilt" when value.Value is IHost host:
                built.TrySetResult(host);
                break;
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        lock (gate)
        {
            disposed = true;
            foreach (var subscription in subscriptions)
            {
                subscription.Dispose();
            }

            subscriptions.Clear();
        }
    }
}
