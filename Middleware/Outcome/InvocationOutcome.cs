namespace YieldDeps;

/// <summary>
/// How the invocation went, for dependencies to decide between commit and rollback. Ask for it as a parameter
/// of a dependency and read it in a <c>finally</c> block (C# forbids <c>yield return</c> inside a <c>try</c>
/// that has a <c>catch</c>, so this is where the exception in flight is observed). One instance per invocation.
/// </summary>
public sealed class InvocationOutcome
{
    // The rarely used lists in one object, the status in a byte: one outcome is allocated per invocation.
    private OutcomeLists? _lists;
    private byte _status;
    private bool _bodyEntered;

    internal InvocationOutcome()
    {
    }

    /// <summary>Gets how the invocation ended so far; it changes during teardown when a teardown fails.</summary>
    public OutcomeStatus Status
    {
        get => (OutcomeStatus)_status;
        internal set => _status = (byte)value;
    }

    /// <summary>Gets the exception in flight, or <see langword="null"/> when nothing failed.</summary>
    public Exception? Exception { get; internal set; }

    /// <summary>Gets the HTTP status the function produced, for HTTP triggers that returned a response.</summary>
    public int? HttpStatus
    {
        get => _httpStatus == NoHttpStatus ? null : _httpStatus;
        internal set => _httpStatus = value ?? NoHttpStatus;
    }

    // A plain int with a sentinel rather than an int?, which keeps the per-invocation object a word smaller.
    private const int NoHttpStatus = int.MinValue;
    private int _httpStatus = NoHttpStatus;

    /// <summary>Gets a value indicating whether the dependencies are being rolled back (faulted or cancelled).</summary>
    public bool IsFailure => Status is OutcomeStatus.Faulted or OutcomeStatus.Cancelled;

    /// <summary>
    /// Gets the token to use for I/O during teardown: the invocation's cancellation does not fire it,
    /// only the teardown timeout does.
    /// </summary>
    public CancellationToken TeardownToken => Deadline?.Token ?? CancellationToken.None;

    /// <summary>
    /// Gets the deadline of the teardown under way (null outside teardown), created the first time anyone needs it:
    /// a teardown whose steps complete synchronously and never ask for the token allocates none.
    /// </summary>
    internal Engine.TeardownDeadline? Deadline =>
        _teardown is not { } teardown ? null : _deadline ??= new Engine.TeardownDeadline(teardown);

    /// <summary>Gets the deadline of the teardown under way if anything created it, without creating one.</summary>
    internal Engine.TeardownDeadline? CreatedDeadline => _deadline;

    // The budget of the teardown under way (the catalog's, shared); null outside teardown.
    private Engine.TeardownBudget? _teardown;
    private Engine.TeardownDeadline? _deadline;

    /// <summary>Starts a teardown with the given budget per step.</summary>
    internal void BeginTeardown(Engine.TeardownBudget budget) => _teardown = budget;

    /// <summary>Ends the teardown: the deadline, if one was created, is disposed and no longer handed out.</summary>
    internal void EndTeardown()
    {
        _teardown = null;
        _deadline?.Dispose();
        _deadline = null;
    }

    /// <summary>Gets the teardown failures that were attached to the exception in flight instead of replacing it.</summary>
    public IReadOnlyList<DependencyTeardownException> CleanupFailures =>
        (IReadOnlyList<DependencyTeardownException>?)_lists?.CleanupFailures ?? [];

    internal void AddCleanupFailure(DependencyTeardownException failure) => ((_lists ??= new()).CleanupFailures ??= []).Add(failure);

    /// <summary>
    /// Registers an action that the middleware runs once every dependency is set up, right before the function body,
    /// in the execution context the body and the teardowns then run in: an <see cref="AsyncLocal{T}"/> value it sets
    /// is seen by the body and by every teardown of the invocation, which a value set during a dependency's own setup
    /// is not (an async method's changes to its execution context do not flow back to its caller).
    /// </summary>
    /// <param name="action">A synchronous action; an exception from it fails the invocation like a failing setup.</param>
    /// <exception cref="InvalidOperationException">The body has already started: call it during setup.</exception>
    /// <remarks>
    /// The actions run in registration order, only under the worker's middleware (the Functions host or an in-process
    /// test host), and not when a dependency's setup failed.
    /// </remarks>
    public void RunBeforeBody(Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        if (_bodyEntered)
        {
            throw new InvalidOperationException("The function body has already started; register the action during the dependency's setup.");
        }

        ((_lists ??= new()).BeforeBody ??= []).Add(action);
    }

    /// <summary>
    /// Runs the actions of <see cref="RunBeforeBody"/>. Synchronous on purpose: called from the middleware's own
    /// async method, the changes the actions make to the execution context stay in it for the body and the teardowns.
    /// </summary>
    internal void EnterBody()
    {
        _bodyEntered = true;
        if (_lists?.BeforeBody is not { } beforeBody)
        {
            return;
        }

        foreach (var action in beforeBody)
        {
            action();
        }
    }
}
