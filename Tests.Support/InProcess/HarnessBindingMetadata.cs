using Microsoft.Azure.Functions.Worker;

namespace YieldDeps.Tests.Support;

/// <summary>One binding of a function, as the host's metadata describes it (name, type such as "queueTrigger", direction).</summary>
internal sealed class HarnessBindingMetadata(string name, string type, BindingDirection direction) : BindingMetadata
{
    public override string Name { get; } = name;

    public override string Type { get; } = type;

    public override BindingDirection Direction { get; } = direction;
}
