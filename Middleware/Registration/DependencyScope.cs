namespace YieldDeps;

/// <summary>When a dependency's teardown runs relative to the HTTP response.</summary>
public enum DependencyScope
{
    /// <summary>
    /// The default: teardown finishes before the response or any output binding leaves the worker, so a failed
    /// commit still turns into an error response.
    /// </summary>
    Function,

    /// <summary>
    /// With the ASP.NET Core integration, teardown waits until the HTTP response body has been written completely,
    /// so a result that streams from the dependency (rows written as they are read) still has it open. Once the
    /// response has started, a failure can no longer change its status: a failing teardown is logged as an error and
    /// shows on the <see cref="InvocationOutcome"/>, and a client that disconnects mid-stream makes the outcome
    /// cancelled, so the dependency rolls back.
    /// </summary>
    /// <remarks>
    /// For triggers other than HTTP there is no response to wait for, and the dependency is torn down like a
    /// function-scoped one. An HTTP function of an app on the built-in HTTP model (no
    /// <c>ConfigureFunctionsWebApplication</c>) cannot stream, so using a request-scoped dependency there fails startup.
    /// A request-scoped dependency must not depend on a function-scoped one (startup fails naming both); the
    /// reverse is allowed.
    /// </remarks>
    Request,
}
