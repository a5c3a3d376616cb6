namespace YieldDeps.Engine;

/// <summary>
/// The state of an invocation that only some functions need (several parameters of one type, EF Core contexts
/// watched for unsaved changes, request-scoped dependencies kept for the response), created on first use so that the
/// common invocation does not carry it.
/// </summary>
internal sealed class InvocationExtras
{
    /// <summary>Gets, per slot, how many parameters of its type were handed out so far.</summary>
    public int[]? ParameterCursors { get; set; }

    /// <summary>Gets the EF Core contexts allowed without a unit of work that the invocation handed over, with their planned types.</summary>
    public List<(Type Type, object Context)>? Contexts { get; set; }

    /// <summary>Gets or sets the request-scoped slots kept for the response; null until one is kept.</summary>
    public DeferredSlots? Deferred { get; set; }
}
