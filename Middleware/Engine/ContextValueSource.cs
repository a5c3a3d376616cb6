namespace YieldDeps.Engine;

/// <summary>
/// A value the host provides per invocation for parameters of a given type (the function context, the HTTP
/// request). The engine knows only the type and the delegate; the host adapter supplies both.
/// </summary>
internal sealed class ContextValueSource(Func<Type, bool> matches, Func<object, ValueTask<object?>> read)
{
    public bool Matches(Type type) => matches(type);

    public ValueTask<object?> ReadAsync(object host) => read(host);
}
