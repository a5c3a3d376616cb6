using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;

namespace YieldDeps.Functions;

/// <summary>
/// Creates function classes. When the class constructor takes dependencies, it receives the invocation's
/// instances (the worker creates the class after the middleware ran its setup); otherwise the class is created from
/// the invocation's services exactly as the worker's default activator does.
/// </summary>
internal sealed class YieldFunctionActivator : IFunctionActivator
{
    public object? CreateInstance(Type instanceType, FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(instanceType);
        ArgumentNullException.ThrowIfNull(context);

        if (InvocationItems.Get(context)?.Invocation is { Plan.Constructor: { } constructor } invocation && constructor.Type == instanceType)
        {
            return invocation.CreateFunctionInstance(constructor);
        }

        return ActivatorUtilities.CreateInstance(context.InstanceServices, instanceType);
    }
}
