namespace YieldDeps.Engine;

/// <summary>
/// What the engine needs from the host of an invocation, given the host's own per-invocation object
/// (a Functions <c>FunctionContext</c>, say) as an opaque value. Keeps the engine free of host types.
/// </summary>
internal interface IInvocationHost
{
    IReadOnlyList<ContextValueSource> ContextSources { get; }

    IServiceProvider GetServices(object host);

    bool TryGetBindingValue(object host, string name, out object? value);
}
