namespace YieldDeps.Engine;

/// <summary>
/// The state of an invocation that only some functions need (several parameters of one type, request-scoped
/// dependencies kept past the function), created on first use so that the common invocation does not carry it.
/// </summary>
internal sealed class InvocationExtras(int slots)
{
    /// <summary>Gets, per slot, how many parameters of its type were handed out so far.</summary>
    public int[]? ParameterCursors { get; set; }

    /// <summary>Gets the slots kept for the request scope, last entered first.</summary>
    public int[] Deferred { get; } = new int[slots];

    public int DeferredCount { get; set; }

    /// <summary>Gets, per slot, whether it was torn down while a request-scoped one stays alive.</summary>
    public bool[]? TornDown { get; set; }

    /// <summary>Gets the EF Core contexts allowed without a unit of work that the invocation handed over, with their planned types.</summary>
    public List<(Type Type, object Context)>? Contexts { get; set; }
}
