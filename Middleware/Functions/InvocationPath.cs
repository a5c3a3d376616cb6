namespace YieldDeps.Functions;

/// <summary>How the middleware runs a function's invocations, decided once per function when its plan is built.</summary>
internal enum InvocationPath
{
    /// <summary>Through the engine: dependencies set up and torn down, the outcome kept.</summary>
    Engine,

    /// <summary>Straight to the function: not an HTTP trigger, nothing planned.</summary>
    Direct,

    /// <summary>Straight to the function with the HTTP mapping of what it ends with: an HTTP trigger with nothing planned.</summary>
    HttpDirect,
}
