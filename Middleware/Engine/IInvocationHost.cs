namespace YieldDeps.Engine;

/// <summary>
/// What the engine needs from the host of an invocation, given the host's own per-invocation object
/// (a Functions <c>FunctionContext</c>, say) as an opaque value. Keeps the engine free of host types.
/// </summary>
internal interface IInvocationHost
{
    IReadOnlyList<ContextValueSource> ContextSources { get; }

    IServiceProvider GetServices(object host);

    /// <summary>Gets a value indicating whether the host itself binds a function parameter (a binding or converter attribute).</summary>
    bool Binds(System.Reflection.ParameterInfo parameter);

    bool TryGetBindingValue(object host, string name, out object? value);

    /// <summary>Reads a request header of the invocation (all its values joined by commas); null when absent or not an HTTP invocation.</summary>
    ValueTask<string?> ReadHeaderAsync(object host, string name);
}
