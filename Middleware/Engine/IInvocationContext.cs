namespace YieldDeps.Engine;

/// <summary>
/// One invocation as its host sees it: the services of the invocation scope, the values its trigger bound, its
/// request headers and the context values the host offers (<see cref="IInvocationHost.ContextSources"/>). The host
/// adapter implements it over its own per-invocation object, so the engine holds no host type.
/// </summary>
internal interface IInvocationContext
{
    /// <summary>Gets the services of the invocation scope.</summary>
    IServiceProvider Services { get; }

    /// <summary>Gets a value the trigger bound by name (route, query, trigger metadata).</summary>
    bool TryGetBindingValue(string name, out object? value);

    /// <summary>Reads a request header of the invocation (all its values joined by commas); null when absent or not an HTTP invocation.</summary>
    ValueTask<string?> ReadHeaderAsync(string name);

    /// <summary>Reads the value of one of the host's context sources for this invocation.</summary>
    ValueTask<object?> ReadAsync(ContextValueSource source);
}
