using YieldDeps.Generated;

namespace YieldDeps.Engine;

/// <summary>
/// One invocation's dependencies: set up along the plan by <see cref="SetupRunner"/>, kept on the
/// <see cref="TeardownStack"/> it is (its base class, which tears them down), and handed out from here to the
/// function's parameters, its class constructor and code that looks them up by type.
/// </summary>
internal sealed class DependencyInvocation : TeardownStack
{
    public DependencyInvocation(InvocationPlan plan, IInvocationContext context, IDependencyEvents events)
        : base(plan.Nodes.Length)
    {
        Plan = plan;
        Context = context;
        Events = events;
        Observed = plan.Catalog.Telemetry is { IsObserved: true };
        ReportsSteps = events.ReportsSteps;
    }

    public InvocationPlan Plan { get; }

    public InvocationOutcome Outcome { get; } = new();

    /// <summary>Gets the host's view of the invocation: its services, bound values, headers and context values.</summary>
    public IInvocationContext Context { get; }

    /// <summary>Gets the entered dependencies and their teardown: this invocation, seen as its stack.</summary>
    public TeardownStack Stack => this;

    public IDependencyEvents Events { get; }

    /// <summary>
    /// Gets a value indicating whether anybody listens to the telemetry, asked once: with nobody listening, the
    /// invocation makes no other telemetry call.
    /// </summary>
    public bool Observed { get; }

    /// <summary>Gets a value indicating whether the detailed step events are wanted, asked once per invocation.</summary>
    public bool ReportsSteps { get; }

    /// <summary>Gets the invocation's token, as given to <see cref="SetupAsync"/>.</summary>
    public CancellationToken CancellationToken { get; private set; }

    /// <summary>Gets where the invocation reports spans and metrics; null when nobody listens.</summary>
    public DependencyTelemetry? Telemetry => Observed ? Plan.Catalog.Telemetry : null;

    /// <summary>Gets the request-scoped dependencies <see cref="TeardownStack.TeardownAsync"/> kept for the response; null when none is.</summary>
    public PendingRequestScope? PendingRequestScope => Pending;

    /// <summary>Sets up every planned dependency in order. On failure the entered ones stay recorded for <see cref="TeardownStack.TeardownAsync"/>.</summary>
    public ValueTask SetupAsync(CancellationToken cancellationToken)
    {
        CancellationToken = cancellationToken;
        return SetupRunner.RunAsync(this);
    }

    /// <summary>
    /// Gets the value YieldDeps supplies for the next function parameter of type <paramref name="type"/>: a
    /// dependency, the outcome, or a service of the invocation scope.
    /// </summary>
    public bool TryTakeParameterValue(Type type, out object? value)
    {
        if (!Plan.ParameterSlots.TryGetValue(type, out var slots))
        {
            return TrySupplyParameter(type, out value);
        }

        var slot = slots[0];
        if (slots.Length > 1)
        {
            // Several parameters of one type, at least one of them fresh: the worker converts parameters in
            // declaration order, so hand the planned slots out in that order.
            var extras = Extras;
            var cursors = extras.ParameterCursors ??= new int[Plan.Nodes.Length];
            var index = cursors[slots[0]]++;
            slot = slots[Math.Min(index, slots.Length - 1)];
        }

        value = Stack[slot].Value;
        return true;
    }

    private bool TrySupplyParameter(Type type, out object? value)
    {
        if (Plan.SuppliesOutcome && type == typeof(InvocationOutcome))
        {
            value = Outcome;
            return true;
        }

        if (Plan.ServiceParameters.Count > 0 && Plan.ServiceParameters.Contains(type))
        {
            value = Context.Services.GetService(type);
            Watch(type, value);
            return true;
        }

        value = null;
        return false;
    }

    /// <summary>
    /// Gets the types of the EF Core contexts, allowed without a unit of work, that this invocation handed over and
    /// that still have changes they did not save; empty when none. A context the check cannot read (disposed, say) is
    /// left out.
    /// </summary>
    public IReadOnlyList<Type> ContextsWithUnsavedChanges()
    {
        if (ExtrasIfCreated?.Contexts is not { } contexts || Plan.UnsavedChangesProbes is not { } probes)
        {
            return [];
        }

        var unsaved = new List<Type>();
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        foreach (var (type, context) in contexts)
        {
            if (!seen.Add(context))
            {
                continue;
            }

            try
            {
                if (probes[type](context))
                {
                    unsaved.Add(type);
                }
            }
            catch (Exception e) when (e is ObjectDisposedException or InvalidOperationException)
            {
                // Disposed by the function, or not readable any more: nothing to tell.
            }
        }

        return unsaved;
    }

    /// <summary>Remembers a context handed over as a service when it is one the plan watches for unsaved changes.</summary>
    public object? Watch(Type type, object? value)
    {
        if (value is not null && Plan.UnsavedChangesProbes is { } probes && probes.ContainsKey(type))
        {
            var extras = Extras;
            (extras.Contexts ??= []).Add((type, value));
        }

        return value;
    }

    /// <summary>
    /// Gets the shared value of dependency type <paramref name="type"/> in this invocation, while it is alive: set up,
    /// and not yet torn down.
    /// </summary>
    public bool TryGetValue(Type type, out object? value)
    {
        if (Plan.SlotsByKey.TryGetValue(type, out var slot) && Stack.IsLive(slot))
        {
            value = Stack[slot].Value;
            return true;
        }

        value = null;
        return false;
    }

    /// <summary>Creates the function class with its dependency and service arguments.</summary>
    public object CreateFunctionInstance(ConstructorPlan constructor)
    {
        if (Plan.Generated)
        {
            return constructor.Generated!.CreateFunctionClass(new DependencyArguments(this, constructor));
        }

        var arguments = new object?[constructor.Arguments.Length];
        for (var i = 0; i < arguments.Length; i++)
        {
            var source = constructor.Arguments[i];
            arguments[i] = source.Kind == ArgumentKind.Dependency
                ? Stack[source.Slot].Value
                : SetupRunner.ResolveService(this, source, $"the constructor of {TypeNames.Of(constructor.Type)}");
        }

        return constructor.Create(arguments)!;
    }
}
