using Microsoft.Azure.Functions.Worker;
using YieldDeps.Engine;

namespace YieldDeps.Functions;

/// <summary>
/// One invocation that goes through the engine, as the adapter keeps it in <see cref="FunctionContext.Items"/>
/// (<see cref="InvocationItems"/>) for the converter, the activator, the context's lookups and the request-scope
/// finisher: the engine's <see cref="DependencyInvocation"/>, the host's view of the invocation the engine reads
/// through, and, once the function succeeded with request-scoped dependencies, the <see cref="PendingRequestScope"/>
/// the response waits on. The request's HttpContext is finished, and may be recycled, by the time the finisher
/// runs, so whether the client went away is recorded here while the request is still alive.
/// </summary>
internal sealed class FunctionInvocation : IInvocationContext, IDisposable
{
    private readonly FunctionContext _context;
    private CancellationTokenRegistration _registration;
    private volatile bool _clientGone;

    public FunctionInvocation(FunctionContext context, InvocationPlan plan, IDependencyEvents events)
    {
        _context = context;
        Invocation = new DependencyInvocation(plan, this, events);
    }

    public DependencyInvocation Invocation { get; }

    /// <summary>Gets the request-scoped dependencies waiting for the response; null when none is.</summary>
    public PendingRequestScope? RequestScope { get; private set; }

    /// <summary>Gets a value indicating whether the client went away before the response was written completely.</summary>
    public bool ClientGone => _clientGone;

    IServiceProvider IInvocationContext.Services => _context.InstanceServices;

    /// <summary>Keeps the request scope the teardown left pending for the response, watching the request for a client that goes away.</summary>
    public void KeepForResponse(PendingRequestScope pending)
    {
        RequestScope = pending;
        _registration = AspNetCoreHttpContext.RequestAborted(_context).Register(static state => ((FunctionInvocation)state!)._clientGone = true, this);
    }

    bool IInvocationContext.TryGetBindingValue(string name, out object? value) => FunctionsInvocationHost.TryGetBindingValue(_context, name, out value);

    ValueTask<string?> IInvocationContext.ReadHeaderAsync(string name) => FunctionsInvocationHost.ReadHeaderAsync(_context, name);

    ValueTask<object?> IInvocationContext.ReadAsync(ContextValueSource source) => FunctionsInvocationHost.ReadAsync(source, _context);

    public void Dispose() => _registration.Dispose();
}
