namespace YieldDeps.Engine;

/// <summary>
/// What the engine needs to know about the host when it builds plans: the context values it offers and the
/// parameters it binds itself. Per invocation the host is an <see cref="IInvocationContext"/>. Keeps the engine free
/// of host types.
/// </summary>
internal interface IInvocationHost
{
    /// <summary>Gets the values the host provides per invocation for parameters of given types, each with its index.</summary>
    IReadOnlyList<ContextValueSource> ContextSources { get; }

    /// <summary>Gets a value indicating whether the host itself binds a function parameter (a binding or converter attribute).</summary>
    bool Binds(System.Reflection.ParameterInfo parameter);
}
