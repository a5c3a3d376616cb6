using System.Reflection;

namespace YieldDeps.Tests.Support;

/// <summary>
/// Implements a worker interface that is not public (for example the bindings feature that the gRPC layer
/// normally supplies) by routing every call to a handler.
/// </summary>
/// <remarks>Not sealed: <see cref="DispatchProxy"/> generates a subclass at run time.</remarks>
internal class InterfaceProxy : DispatchProxy
{
    private Func<MethodInfo, object?[]?, object?>? _handler;

    public static object Create(Type interfaceType, Func<MethodInfo, object?[]?, object?> handler)
    {
        var proxy = DispatchProxy.Create(interfaceType, typeof(InterfaceProxy));
        ((InterfaceProxy)proxy)._handler = handler;
        return proxy;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        var handler = _handler ?? throw new InvalidOperationException("The proxy has no handler.");
        return handler(targetMethod, args);
    }

    /// <summary>Fails loudly when the worker calls a member the harness does not know, e.g. after a worker upgrade.</summary>
    public static NotSupportedException Unsupported(MethodInfo method) =>
        new($"The test harness does not implement {method.DeclaringType?.FullName}.{method.Name}; " +
            "the worker's internal interface probably changed.");
}
