using System.Collections.Immutable;
using System.Reflection;
using Microsoft.Azure.Functions.Worker;

namespace YieldDeps.Tests.Support;

/// <summary>
/// A function definition as the worker receives it on a function load request, built by
/// <see cref="FunctionDefinitionFactory"/> from a method.
/// </summary>
internal sealed class HarnessFunctionDefinition(
    string id,
    string name,
    MethodInfo method,
    ImmutableArray<FunctionParameter> parameters,
    IImmutableDictionary<string, BindingMetadata> inputBindings,
    IImmutableDictionary<string, BindingMetadata> outputBindings,
    BindingMetadata trigger) : FunctionDefinition
{
    public override string Id { get; } = id;

    public override string Name { get; } = name;

    // Same form as the metadata generator: full type name (nested types with '+') and method name.
    public override string EntryPoint { get; } = $"{method.DeclaringType!.FullName}.{method.Name}";

    public override string PathToAssembly { get; } = method.DeclaringType!.Assembly.Location;

    public override ImmutableArray<FunctionParameter> Parameters { get; } = parameters;

    public override IImmutableDictionary<string, BindingMetadata> InputBindings { get; } = inputBindings;

    public override IImmutableDictionary<string, BindingMetadata> OutputBindings { get; } = outputBindings;

    public MethodInfo Method { get; } = method;

    /// <summary>The trigger binding; its name is the trigger parameter's name.</summary>
    public BindingMetadata Trigger { get; } = trigger;
}
