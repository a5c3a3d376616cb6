using Microsoft.Azure.Functions.Worker;
using YieldDeps.Engine;

namespace YieldDeps.Functions;

/// <summary>
/// One invocation that goes through the engine, as the adapter keeps it in <see cref="FunctionContext.Items"/>
/// (<see cref="InvocationItems"/>) for the converter, the activator, the context's lookups and the request-scope
/// finisher: the engine's <see cref="DependencyInvocation"/> (with, once the function succeeded with request-scoped
/// dependencies, the <see cref="PendingRequestScope"/> the response waits on), and the host's view of the invocation
/// the engine reads through.
/// </summary>
internal sealed class FunctionInvocation : IInvocationContext
{
    private readonly FunctionContext _context;

    public FunctionInvocation(FunctionContext context, InvocationPlan plan, IDependencyEvents events)
    {
        _context = context;
        Invocation = new DependencyInvocation(plan, this, events);
    }

    public DependencyInvocation Invocation { get; }

    IServiceProvider IInvocationContext.Services => _context.InstanceServices;

    bool IInvocationContext.TryGetBindingValue(string name, out object? value) => FunctionsInvocationHost.TryGetBindingValue(_context, name, out value);

    ValueTask<string?> IInvocationContext.ReadHeaderAsync(string name) => FunctionsInvocationHost.ReadHeaderAsync(_context, name);

    ValueTask<object?> IInvocationContext.ReadAsync(ContextValueSource source) => FunctionsInvocationHost.ReadAsync(source, _context);
}
