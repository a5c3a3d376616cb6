using Microsoft.Extensions.DependencyInjection;

namespace YieldDeps.Engine;

/// <summary>
/// The validated set of registered dependencies and the app-wide rules, built once when the host starts.
/// Looks overrides up first, so tests can replace a dependency and its whole subtree.
/// </summary>
internal sealed class DependencyCatalog
{
    private readonly Dictionary<Type, DependencyDescriptor> _registered;
    private readonly HashSet<Type> _contextsWithoutUnitOfWork;

    /// <param name="registry">The app's registrations and rules.</param>
    /// <param name="overrides">The replacements tests make.</param>
    /// <param name="host">What the host binds and offers, for the plans.</param>
    /// <param name="services">Tells services apart, when there is a service provider.</param>
    /// <param name="time">The clock of the teardown deadlines; <see cref="TimeProvider.System"/> when null.</param>
    /// <param name="telemetry">Whether invocations report spans and metrics; false leaves telemetry out entirely (benchmarks compare both).</param>
    public DependencyCatalog(
        DependencyRegistry registry,
        DependencyOverrides overrides,
        IInvocationHost host,
        IServiceProviderIsService? services,
        TimeProvider? time = null,
        bool telemetry = true)
    {
        registry.Freeze();
        Time = time ?? TimeProvider.System;
        Telemetry = telemetry ? DependencyTelemetry.Shared : null;
        Overrides = overrides;
        Host = host;
        Services = services;
        TeardownTimeout = registry.TeardownTimeout;
        Teardown = new TeardownBudget(TeardownTimeout, Time);
        FailWhen = registry.FailWhen;
        IncludeExceptionDetails = registry.IncludeExceptionDetails;
        UsesGeneratedCode = registry.UseGeneratedCode;
        _contextsWithoutUnitOfWork = [.. registry.ContextsWithoutUnitOfWork];

        var problems = new List<string>();
        _registered = [];
        foreach (var descriptor in registry.Descriptors)
        {
            if (_registered.TryGetValue(descriptor.Key, out var existing))
            {
                problems.Add($"{TypeNames.Of(descriptor.Key)} is registered twice, by {existing.Display} and by {descriptor.Display}; register one dependency per type.");
                continue;
            }

            _registered.Add(descriptor.Key, descriptor);
        }

        Globals = [.. registry.GlobalDependencies];
        foreach (var global in Globals)
        {
            if (!_registered.ContainsKey(global))
            {
                problems.Add($"Global dependency {TypeNames.Of(global)} is not registered.");
            }
        }

        // Build a throwaway plan per registration: it resolves every parameter and walks every chain,
        // so unresolvable parameters and cycles surface now rather than on the first invocation.
        foreach (var descriptor in _registered.Values)
        {
            try
            {
                new PlanBuilder(this).Require(descriptor.Key, fresh: false, requiredBy: null);
            }
            catch (DependencyRegistrationException e)
            {
                problems.AddRange(e.Problems);
            }
        }

        if (services is not null)
        {
            foreach (var check in registry.StartupChecks)
            {
                problems.AddRange(check(services));
            }
        }

        if (problems.Count > 0)
        {
            throw new DependencyRegistrationException(problems.Distinct().ToList());
        }

        // A replacement is checked with everything that may now reach it: a function-scoped replacement under a
        // request-scoped dependant is as wrong as a registration would be.
        overrides.Validate = key =>
        {
            new PlanBuilder(this).Require(key, fresh: false, requiredBy: null);
            foreach (var registered in _registered.Keys)
            {
                new PlanBuilder(this).Require(registered, fresh: false, requiredBy: null);
            }
        };
    }

    public DependencyOverrides Overrides { get; }

    public IInvocationHost Host { get; }

    public IServiceProviderIsService? Services { get; }

    public TimeSpan TeardownTimeout { get; }

    public Func<InvocationOutcome, bool>? FailWhen { get; }

    public bool IncludeExceptionDetails { get; }

    /// <summary>Gets a value indicating whether plans run on generated code where the generator wrote some.</summary>
    public bool UsesGeneratedCode { get; init; }

    /// <summary>Gets the clock of the teardown deadlines.</summary>
    public TimeProvider Time { get; }

    /// <summary>Gets the budget of each teardown step and its clock, shared by the invocations.</summary>
    public TeardownBudget Teardown { get; }

    /// <summary>Gets where invocations report spans and metrics; null when telemetry was left out.</summary>
    public DependencyTelemetry? Telemetry { get; }

    public IReadOnlyList<Type> Globals { get; }

    public bool IsEmpty => _registered.Count == 0;

    /// <summary>True when the app let this EF Core context reach functions as a plain service (<c>AllowDbContextWithoutUnitOfWork</c>).</summary>
    public bool AllowsWithoutUnitOfWork(Type context) => _contextsWithoutUnitOfWork.Contains(context);
    /// <summary>Gets the registered dependencies (overrides aside).</summary>
    public IEnumerable<DependencyDescriptor> Registered => _registered.Values;

    public bool IsRegistered(Type key) => _registered.ContainsKey(key) || Overrides.TryGet(key, out _);

    public bool TryResolve(Type key, out DependencyDescriptor descriptor) =>
        Overrides.TryGet(key, out descriptor) || _registered.TryGetValue(key, out descriptor!);
}
