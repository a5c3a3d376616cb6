namespace YieldDeps.Engine;

/// <summary>
/// A value the host provides per invocation for parameters of a given type (the function context, the HTTP
/// request). The engine knows only which types it serves; the invocation's <see cref="IInvocationContext"/> reads it,
/// by its <see cref="Index"/> in the host's list.
/// </summary>
internal sealed class ContextValueSource(int index, Func<Type, bool> matches)
{
    /// <summary>Gets the position of the source in <see cref="IInvocationHost.ContextSources"/>.</summary>
    public int Index { get; } = index;

    public bool Matches(Type type) => matches(type);
}
