using YieldDeps.LocalHost.Rpc;

namespace YieldDeps.LocalHost.Functions;

/// <summary>A function the worker has loaded, with what LocalHost needs to trigger it.</summary>
internal sealed class FunctionDescriptor
{
    public const string HttpTriggerType = "httpTrigger";
    public const string QueueTriggerType = "queueTrigger";
    public const string ReturnBindingName = "$return";

    public FunctionDescriptor(RpcFunctionMetadata metadata)
    {
        Metadata = metadata;
        Bindings = metadata.RawBindings.Count > 0
            ? metadata.RawBindings.Select(BindingDescriptor.Parse).ToArray()
            : metadata.Bindings.Select(pair => BindingDescriptor.FromInfo(pair.Key, pair.Value.Type, pair.Value.Direction.ToString())).ToArray();
        Trigger = Bindings.FirstOrDefault(binding => binding.IsTrigger);
    }

    public RpcFunctionMetadata Metadata { get; }

    public string Name => Metadata.Name;

    public string FunctionId => Metadata.FunctionId;

    public IReadOnlyList<BindingDescriptor> Bindings { get; }

    public BindingDescriptor? Trigger { get; }

    public bool IsHttp => IsTriggeredBy(HttpTriggerType);

    public bool IsTriggeredBy(string type) => string.Equals(Trigger?.Type, type, StringComparison.OrdinalIgnoreCase);

    /// <summary>The name of the output binding that carries the HTTP response ("$return" or a property name).</summary>
    public string? HttpOutputName =>
        Bindings.FirstOrDefault(binding => binding.IsOutput && string.Equals(binding.Type, "http", StringComparison.OrdinalIgnoreCase))?.Name;
}
