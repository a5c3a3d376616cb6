using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;

namespace YieldDeps.Tests.HarnessTests;

/// <summary>An activator that replaces the worker's default one and records that it was used.</summary>
public sealed class CountingActivator(Recorder recorder) : IFunctionActivator
{
    public object? CreateInstance(Type instanceType, FunctionContext context)
    {
        recorder.Add($"activator:{instanceType.Name}");
        return ActivatorUtilities.CreateInstance(context.InstanceServices, instanceType);
    }
}
