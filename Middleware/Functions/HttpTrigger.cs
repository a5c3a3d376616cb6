using System.Reflection;
using Microsoft.Azure.Functions.Worker;

namespace YieldDeps.Functions;

/// <summary>
/// Whether a function is an HTTP trigger: one rule, read off the function's method at startup (its
/// <c>[HttpTrigger]</c> parameter) and off its definition at run time (the <c>httpTrigger</c> binding the worker's
/// SDK generates from that attribute).
/// </summary>
internal static class HttpTrigger
{
    private const string BindingType = "httpTrigger";
    private const string AttributeName = "Microsoft.Azure.Functions.Worker.HttpTriggerAttribute";

    /// <summary>Gets a value indicating whether a function method has an <c>[HttpTrigger]</c> parameter.</summary>
    public static bool Is(MethodInfo method) =>
        method.GetParameters().Any(p => p.GetCustomAttributes(inherit: true).Any(a => a.GetType().FullName == AttributeName));

    /// <summary>Gets a value indicating whether a function's definition has an <c>httpTrigger</c> input binding.</summary>
    public static bool Is(FunctionDefinition definition) =>
        definition.InputBindings.Values.Any(b => string.Equals(b.Type, BindingType, StringComparison.OrdinalIgnoreCase));
}
