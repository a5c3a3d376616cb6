namespace YieldDeps.Engine;

/// <summary>Who supplies a function parameter that is not a registered dependency.</summary>
internal enum FunctionParameterSupply
{
    /// <summary>The host: a binding attribute, one of its context types, a simple value bound by name, or the parameter's default.</summary>
    Host,

    /// <summary>YieldDeps, from the invocation's services.</summary>
    Service,

    /// <summary>YieldDeps: the invocation's <see cref="InvocationOutcome"/>.</summary>
    Outcome,

    /// <summary>Nobody: the function would receive null, so startup fails instead.</summary>
    Nobody,
}
