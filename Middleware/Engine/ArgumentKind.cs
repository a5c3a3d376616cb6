namespace YieldDeps.Engine;

/// <summary>Where a parameter's value comes from, in the order of precedence the plan builder tries.</summary>
internal enum ArgumentKind
{
    /// <summary>Another dependency of the same invocation (a sub-dependency).</summary>
    Dependency,

    /// <summary>A value the host knows for the invocation (its context, the HTTP request).</summary>
    Context,

    /// <summary>The invocation's cancellation token.</summary>
    CancellationToken,

    /// <summary>The invocation's <see cref="InvocationOutcome"/>.</summary>
    Outcome,

    /// <summary>A service of the invocation's DI scope.</summary>
    Service,

    /// <summary>A simple value bound by name from the trigger's binding data (route, query).</summary>
    SimpleValue,

    /// <summary>A simple value from a request header named by <see cref="HeaderAttribute"/>.</summary>
    Header,

    /// <summary>The parameter's declared default.</summary>
    Default,
}
