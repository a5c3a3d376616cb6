using System.Reflection;

namespace YieldDeps.Engine;

/// <summary>
/// Builds the <see cref="InvocationPlan"/> of one function: global dependencies, then those declared on the class,
/// then on the method, then the constructor's parameters, then the method's parameters, each depth-first so a
/// sub-dependency is set up before its dependant. Shared instances are planned once; fresh ones get their own node.
/// </summary>
internal sealed class PlanBuilder(DependencyCatalog catalog)
{
    private readonly List<PlanNode> _nodes = [];
    private readonly Dictionary<DependencyDescriptor, int> _shared = [];
    private readonly List<DependencyDescriptor> _path = [];
    private readonly List<string> _problems = [];

    // EF Core contexts the app let through without a unit of work, handed over as services: checked for unsaved
    // changes when the invocation ends.
    private readonly HashSet<Type> _contexts = [];

    public InvocationPlan Build(FunctionTarget target)
    {
        var version = catalog.Overrides.Version;
        foreach (var global in catalog.Globals)
        {
            Require(global, fresh: false, requiredBy: null);
        }

        var declaredBy = $"function '{target.Name}'";
        foreach (var depends in target.Class.GetCustomAttributes<DependsAttribute>(inherit: true))
        {
            RequireDeclared(depends, declaredBy, $"class {TypeNames.Of(target.Class)}");
        }

        foreach (var depends in target.Method.GetCustomAttributes<DependsAttribute>(inherit: true))
        {
            RequireDeclared(depends, declaredBy, $"method {target.Method.Name}");
        }

        var constructor = target.Method.IsStatic ? null : PlanConstructor(target);

        var parameterSlots = new Dictionary<Type, List<int>>();
        var serviceParameters = new HashSet<Type>();
        var suppliesOutcome = false;
        foreach (var parameter in target.Method.GetParameters())
        {
            var type = parameter.ParameterType;
            if (catalog.IsRegistered(type))
            {
                var slot = Require(type, parameter.IsDefined(typeof(FreshAttribute)), requiredBy: null);
                (parameterSlots.TryGetValue(type, out var slots) ? slots : parameterSlots[type] = []).Add(slot);
                continue;
            }

            switch (AccountForFunctionParameter(parameter))
            {
                case FunctionParameterSupply.Service:
                    if (AcceptsServiceContext(type))
                    {
                        serviceParameters.Add(type);
                    }
                    else
                    {
                        _problems.Add(ContextWithoutUnitOfWork(parameter, $"method {TypeNames.Of(target.Class)}.{target.Method.Name}"));
                    }

                    break;
                case FunctionParameterSupply.Outcome:
                    suppliesOutcome = true;
                    break;
                case FunctionParameterSupply.Nobody when parameter.GetCustomAttribute<HeaderAttribute>() is { } header:
                    _problems.Add(
                        $"parameter '{parameter.Name}' of method {TypeNames.Of(target.Class)}.{target.Method.Name} is bound to header '{header.Name}', " +
                        "but [Header] binds parameters of dependencies only. Move it to a dependency's parameter and ask the function for that dependency.");
                    break;
                case FunctionParameterSupply.Nobody:
                    _problems.Add(Unsupplied(parameter, $"method {TypeNames.Of(target.Class)}.{target.Method.Name}", constructor: false));
                    break;
            }
        }

        if (_problems.Count > 0)
        {
            throw new DependencyRegistrationException([.. _problems]);
        }

        var slotsByKey = new Dictionary<Type, int>();
        foreach (var (descriptor, slot) in _shared)
        {
            slotsByKey[descriptor.Key] = slot;
        }

        return new InvocationPlan(
            catalog,
            target.Name,
            [.. _nodes],
            parameterSlots.ToDictionary(p => p.Key, p => p.Value.ToArray()),
            slotsByKey,
            constructor,
            serviceParameters,
            suppliesOutcome,
            version)
        {
            UnsavedChangesProbes = UnsavedChangesProbes(),
        };
    }

    /// <summary>
    /// Plans one dependency and its sub-dependencies on their own, outside any function: what a test runs when it
    /// exercises a single dependency.
    /// </summary>
    public InvocationPlan BuildFor(Type key, string name)
    {
        var version = catalog.Overrides.Version;
        var root = Require(key, fresh: false, requiredBy: null);
        var slotsByKey = new Dictionary<Type, int>();
        foreach (var (descriptor, slot) in _shared)
        {
            slotsByKey[descriptor.Key] = slot;
        }

        // Also when the dependency opted out of the cache: the test asks for this very instance.
        slotsByKey[key] = root;
        return new InvocationPlan(catalog, name, [.. _nodes], new Dictionary<Type, int[]>(), slotsByKey, constructor: null, new HashSet<Type>(), suppliesOutcome: false, version)
        {
            UnsavedChangesProbes = UnsavedChangesProbes(),
        };
    }

    private Dictionary<Type, Func<object, bool>>? UnsavedChangesProbes()
    {
        Dictionary<Type, Func<object, bool>>? probes = null;
        foreach (var context in _contexts)
        {
            if (DbContextTypes.UnsavedChangesProbe(context) is { } probe)
            {
                (probes ??= [])[context] = probe;
            }
        }

        return probes;
    }

    /// <summary>
    /// Whether a service of type <paramref name="type"/> may be handed over: anything but an EF Core context, which
    /// only when the app allowed it without a unit of work (it is then watched for unsaved changes).
    /// </summary>
    private bool AcceptsServiceContext(Type type)
    {
        if (!DbContextTypes.IsDbContext(type))
        {
            return true;
        }

        if (!catalog.AllowsWithoutUnitOfWork(type))
        {
            return false;
        }

        _contexts.Add(type);
        return true;
    }

    private static string ContextWithoutUnitOfWork(ParameterInfo parameter, string site) =>
        $"parameter '{parameter.Name}' of {site} has type {TypeNames.Of(parameter.ParameterType)}, an EF Core DbContext that would be handed over " +
        "as a plain service, without a unit of work: nothing would save or commit what the function changes. " + DbContextTypes.Fix(parameter.ParameterType);

    /// <summary>Plans the dependency keyed by <paramref name="key"/> (and, first, its sub-dependencies); returns its slot.</summary>
    public int Require(Type key, bool fresh, DependencyDescriptor? requiredBy)
    {
        if (!catalog.TryResolve(key, out var descriptor))
        {
            throw new DependencyRegistrationException(requiredBy is null
                ? $"{TypeNames.Of(key)} is not a registered dependency."
                : $"Dependency {requiredBy.Display} asks for {TypeNames.Of(key)}, which is not a registered dependency.");
        }

        if (requiredBy is { Scope: DependencyScope.Request } && descriptor.Scope == DependencyScope.Function)
        {
            var chain = _path.Append(descriptor).Select(d => d.Name);
            throw new DependencyRegistrationException(
                $"Request-scoped dependency {requiredBy.Display} depends on function-scoped dependency {descriptor.Display} " +
                $"({string.Join(" -> ", chain)}): it would still be open after '{descriptor.Name}' was torn down. " +
                $"Make '{descriptor.Name}' request-scoped too (o => o.Scope = DependencyScope.Request), or '{requiredBy.Name}' function-scoped.");
        }

        var share = descriptor.UseCache && !fresh;
        if (share && _shared.TryGetValue(descriptor, out var existing))
        {
            return existing;
        }

        if (_path.Contains(descriptor))
        {
            var chain = _path.SkipWhile(d => d != descriptor).Append(descriptor).Select(d => d.Name);
            throw new DependencyRegistrationException($"Dependency cycle: {string.Join(" -> ", chain)}.");
        }

        _path.Add(descriptor);
        var arguments = new ArgumentSource[descriptor.Parameters.Length];
        for (var i = 0; i < arguments.Length; i++)
        {
            arguments[i] = Bind(descriptor.Parameters[i], descriptor);
        }

        _path.RemoveAt(_path.Count - 1);

        var slot = _nodes.Count;
        _nodes.Add(new PlanNode(slot, descriptor, arguments));
        if (share)
        {
            _shared[descriptor] = slot;
        }

        return slot;
    }

    private void RequireDeclared(DependsAttribute depends, string function, string site)
    {
        if (!catalog.IsRegistered(depends.DependencyType))
        {
            throw new DependencyRegistrationException(
                $"The {site} of {function} declares [Depends(typeof({TypeNames.Of(depends.DependencyType)}))], which is not a registered dependency.");
        }

        Require(depends.DependencyType, depends.Fresh, requiredBy: null);
    }

    private ConstructorPlan? PlanConstructor(FunctionTarget target)
    {
        var constructor = ConstructorSelector.Select(target.Class);
        if (constructor is null)
        {
            return null;
        }

        var parameters = constructor.GetParameters();
        var contexts = false;
        foreach (var parameter in parameters)
        {
            var type = parameter.ParameterType;
            if (catalog.IsRegistered(type))
            {
                continue;
            }

            var isService = catalog.Services?.IsService(type);
            if (!parameter.HasDefaultValue && isService == false)
            {
                _problems.Add(Unsupplied(parameter, $"the constructor of {TypeNames.Of(target.Class)}", constructor: true));
            }
            else if (isService == true && DbContextTypes.IsDbContext(type))
            {
                if (AcceptsServiceContext(type))
                {
                    contexts = true;
                }
                else
                {
                    _problems.Add(ContextWithoutUnitOfWork(parameter, $"the constructor of {TypeNames.Of(target.Class)}"));
                }
            }
        }

        if (!contexts && !parameters.Any(p => catalog.IsRegistered(p.ParameterType)))
        {
            // Nothing of ours to inject: the worker's own activator creates the class as usual. (A context allowed
            // without a unit of work is handed over by YieldDeps, which then sees it for the check of unsaved changes.)
            return null;
        }

        var arguments = new ArgumentSource[parameters.Length];
        for (var i = 0; i < parameters.Length; i++)
        {
            var parameter = parameters[i];
            arguments[i] = catalog.IsRegistered(parameter.ParameterType)
                ? ArgumentSource.Dependency(parameter.ParameterType, parameter.Name!, Require(parameter.ParameterType, parameter.IsDefined(typeof(FreshAttribute)), requiredBy: null))
                : ArgumentSource.Service(parameter.ParameterType, parameter.Name!, parameter.HasDefaultValue, parameter.HasDefaultValue ? parameter.DefaultValue : null);
        }

        return new ConstructorPlan(target.Class, constructor, arguments);
    }

    /// <summary>
    /// Says who supplies a function parameter that is not a registered dependency, so that no parameter silently
    /// receives <see langword="null"/>: the host (a binding attribute, its context types, a simple value bound by
    /// name), YieldDeps (the outcome, a service of the invocation scope), or the parameter's own default.
    /// </summary>
    private FunctionParameterSupply AccountForFunctionParameter(ParameterInfo parameter)
    {
        var type = parameter.ParameterType;
        if (parameter.IsDefined(typeof(HeaderAttribute)))
        {
            // The worker binds a function's own simple parameters from route and query, never from headers.
            return FunctionParameterSupply.Nobody;
        }

        if (catalog.Host.Binds(parameter) || type == typeof(CancellationToken) || catalog.Host.ContextSources.Any(s => s.Matches(type)))
        {
            return FunctionParameterSupply.Host;
        }

        if (type == typeof(InvocationOutcome))
        {
            return FunctionParameterSupply.Outcome;
        }

        if (catalog.Services?.IsService(type) == true)
        {
            return FunctionParameterSupply.Service;
        }

        return SimpleValues.IsSimple(type) || parameter.HasDefaultValue || catalog.Services is null
            ? FunctionParameterSupply.Host
            : FunctionParameterSupply.Nobody;
    }

    private static string Unsupplied(ParameterInfo parameter, string site, bool constructor) =>
        $"parameter '{parameter.Name}' of {site} has type {TypeNames.Of(parameter.ParameterType)}, which nothing supplies: it is not a registered dependency, " +
        (constructor
            ? "a service or a parameter with a default value. "
            : "a service, a type the worker or YieldDeps supplies (FunctionContext, CancellationToken, the HTTP request, InvocationOutcome) or a simple value bound by name. ") +
        $"Register it (deps.Add(...) for a dependency, or as a service){(constructor ? string.Empty : ", bind it with a binding attribute or an input converter,")} or give it a default value.";

    private ArgumentSource Bind(ParameterInfo parameter, DependencyDescriptor owner)
    {
        var type = parameter.ParameterType;
        var name = parameter.Name ?? $"#{parameter.Position}";

        if (parameter.GetCustomAttribute<HeaderAttribute>() is { } header)
        {
            if (!SimpleValues.IsSimple(type))
            {
                throw new DependencyRegistrationException(
                    $"Dependency {owner.Display} binds parameter '{name}' to header '{header.Name}', but its type {TypeNames.Of(type)} is not a simple value " +
                    "(string, number, Guid, bool, date, enum). Take the header as a string and parse it in the dependency.");
            }

            return ArgumentSource.Header(type, header.Name, ParameterNullability.IsOptional(parameter), parameter.HasDefaultValue ? parameter.DefaultValue : null);
        }

        if (catalog.IsRegistered(type))
        {
            return ArgumentSource.Dependency(type, name, Require(type, parameter.IsDefined(typeof(FreshAttribute)), owner));
        }

        foreach (var source in catalog.Host.ContextSources)
        {
            if (source.Matches(type))
            {
                return ArgumentSource.FromContext(type, name, source);
            }
        }

        if (type == typeof(CancellationToken))
        {
            return ArgumentSource.Of(ArgumentKind.CancellationToken, type, name);
        }

        if (type == typeof(InvocationOutcome))
        {
            return ArgumentSource.Of(ArgumentKind.Outcome, type, name);
        }

        var optional = parameter.HasDefaultValue;
        var defaultValue = optional ? parameter.DefaultValue : null;
        if (catalog.Services?.IsService(type) == true)
        {
            if (!AcceptsServiceContext(type))
            {
                throw new DependencyRegistrationException(
                    $"Dependency {owner.Display} has parameter '{name}' of type {TypeNames.Of(type)}, an EF Core DbContext that would be handed over as a " +
                    "plain service, without a unit of work: nothing would save or commit what the dependency changes. " + DbContextTypes.Fix(type));
            }

            return ArgumentSource.Service(type, name, optional, defaultValue);
        }

        if (SimpleValues.IsSimple(type))
        {
            return ArgumentSource.Simple(type, name, ParameterNullability.IsOptional(parameter), defaultValue);
        }

        if (optional)
        {
            return ArgumentSource.Default(type, name, defaultValue);
        }

        throw new DependencyRegistrationException(
            $"Dependency {owner.Display} has parameter '{name}' of type {TypeNames.Of(type)} that cannot be resolved: " +
            "it is not a registered dependency, a service, the function context, a cancellation token, the outcome, " +
            "the HTTP request or a simple value from the trigger. Register it, or give the parameter a default value.");
    }
}
