using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using YieldDeps.Engine;

namespace YieldDeps;

/// <summary>
/// The dependencies a function app declares: what each one provides, how it is set up and torn down,
/// and the app-wide rules of the invocation lifetime. Filled in by
/// <c>UseYieldDependencies(deps =&gt; ...)</c> or <c>AddYieldDependencies(deps =&gt; ...)</c>.
/// </summary>
/// <remarks>
/// A dependency is keyed by the type it provides. Functions, their class constructors and other
/// dependencies ask for it by declaring a parameter of that type.
/// </remarks>
public sealed class DependencyRegistry
{
    private TimeSpan _teardownTimeout = TimeSpan.FromSeconds(30);
    private bool _frozen;

    internal List<DependencyDescriptor> Descriptors { get; } = [];

    internal List<Type> GlobalDependencies { get; } = [];

    internal List<Func<IServiceProviderIsService, IEnumerable<string>>> StartupChecks { get; } = [];

    /// <summary>Gets the EF Core context types that may reach functions and dependencies as plain services.</summary>
    internal HashSet<Type> ContextsWithoutUnitOfWork { get; } = [];

    /// <summary>
    /// Gets the assemblies whose <c>[Function]</c> methods are checked when the host starts, besides the entry
    /// assembly: every parameter must be accounted for and every dependency resolvable, or startup fails naming the
    /// function. Starts with the assembly that first called <c>UseYieldDependencies</c> or
    /// <c>AddYieldDependencies</c>, which finds the app's functions when a test host is the entry assembly.
    /// </summary>
    /// <value>The assembly that registered the dependencies. Add the assembly of functions kept elsewhere; clear it to check only the entry assembly.</value>
    public ICollection<Assembly> FunctionAssemblies { get; } = new List<Assembly>();

    /// <summary>
    /// Gets or sets how long one dependency's teardown may take before it counts as failed.
    /// </summary>
    /// <value>30 seconds. Must be positive, or <see cref="Timeout.InfiniteTimeSpan"/>.</value>
    /// <remarks>
    /// Each teardown gets its own budget and its own token (<see cref="InvocationOutcome.TeardownToken"/>),
    /// which the invocation's cancellation does not fire, so a rollback is not skipped because the host
    /// cancelled the invocation, yet a hung teardown cannot hold the worker forever.
    /// </remarks>
    public TimeSpan TeardownTimeout
    {
        get => _teardownTimeout;
        set
        {
            if (value <= TimeSpan.Zero && value != Timeout.InfiniteTimeSpan)
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, "The teardown timeout must be positive or infinite.");
            }

            _teardownTimeout = value;
        }
    }

    /// <summary>
    /// Gets or sets an app-wide rule that counts a result the function produced without throwing as a failure,
    /// for example <c>outcome =&gt; outcome.HttpStatus &gt;= 500</c>.
    /// </summary>
    /// <value><see langword="null"/>: no result counts as a failure.</value>
    /// <remarks>
    /// When the rule returns <see langword="true"/>, every dependency is disposed instead of resumed, exactly as if
    /// the function had thrown, and <see cref="InvocationOutcome.Exception"/> is a
    /// <see cref="ResultCountedAsFailureException"/>. The response the function produced is still sent.
    /// </remarks>
    public Func<InvocationOutcome, bool>? FailWhen { get; set; }

    /// <summary>
    /// Gets or sets a value indicating whether the generic HTTP 500 problem body carries the exception's text.
    /// Turn it on in development only.
    /// </summary>
    /// <value><see langword="false"/>: no message or stack trace leaves the process.</value>
    public bool IncludeExceptionDetails { get; set; }

    /// <summary>
    /// Gets or sets a value indicating whether functions run on the code the YieldDeps source generator wrote for the
    /// app. A function runs on it when the generator saw every dependency it sets up (method groups of static methods
    /// and dependency classes); otherwise, or with this off, it runs on the run-time engine. Both follow the same
    /// contract; the path each function takes is logged at Debug when its plan is built. The setting
    /// <c>YieldDeps:GeneratedCode</c> set to <c>false</c> (environment variable <c>YieldDeps__GeneratedCode</c>)
    /// turns it off too, without a rebuild.
    /// </summary>
    /// <value><see langword="true"/>: generated code where there is some.</value>
    public bool UseGeneratedCode { get; set; } = true;

    /// <summary>
    /// Registers a dependency written as a method or lambda. The provided type is inferred from the return type:
    /// an async iterator (<see cref="IAsyncEnumerable{T}"/> with one <c>yield return</c>) or a sync iterator
    /// (<see cref="IEnumerable{T}"/>) is a yield dependency; <c>T</c>, <see cref="Task{TResult}"/> or
    /// <see cref="ValueTask{TResult}"/> is a plain one.
    /// </summary>
    /// <param name="factory">The method group or lambda that sets the dependency up.</param>
    /// <param name="configure">Optional per-registration options.</param>
    /// <returns>This registry, for chaining.</returns>
    /// <exception cref="DependencyRegistrationException">The factory's shape is not one of the supported styles.</exception>
    public DependencyRegistry Add(Delegate factory, Action<DependencyOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ThrowIfFrozen();
        Descriptors.Add(DescriptorFactory.FromDelegate(factory, key: null, Configure(configure)));
        return this;
    }

    /// <summary>
    /// Registers a dependency written as a method or lambda, keyed by <typeparamref name="T"/> rather than by
    /// the exact type the factory provides (for example to register an implementation under its interface).
    /// </summary>
    /// <typeparam name="T">The type dependants ask for; the provided value must be assignable to it.</typeparam>
    /// <param name="factory">The method group or lambda that sets the dependency up.</param>
    /// <param name="configure">Optional per-registration options.</param>
    /// <returns>This registry, for chaining.</returns>
    /// <exception cref="DependencyRegistrationException">The factory's shape is not supported or its value is not a <typeparamref name="T"/>.</exception>
    public DependencyRegistry Add<T>(Delegate factory, Action<DependencyOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ThrowIfFrozen();
        Descriptors.Add(DescriptorFactory.FromDelegate(factory, typeof(T), Configure(configure)));
        return this;
    }

    /// <summary>
    /// Registers a class-style dependency: <typeparamref name="TDependency"/> implements
    /// <see cref="IDependency{T}"/> and is created per use with its constructor parameters resolved like a
    /// dependency's parameters.
    /// </summary>
    /// <typeparam name="TDependency">The class with the enter and exit steps.</typeparam>
    /// <param name="configure">Optional per-registration options.</param>
    /// <returns>This registry, for chaining.</returns>
    /// <exception cref="DependencyRegistrationException">The class does not implement exactly one <see cref="IDependency{T}"/> or has no public constructor.</exception>
    public DependencyRegistry AddClass<TDependency>(Action<DependencyOptions>? configure = null)
        where TDependency : class
    {
        ThrowIfFrozen();
        Descriptors.Add(DescriptorFactory.FromClass(typeof(TDependency), Configure(configure)));
        return this;
    }

    /// <summary>
    /// Registers a class-style dependency keyed by <typeparamref name="T"/> rather than by the exact type its
    /// <see cref="IDependency{T}"/> provides (for example to register an implementation under its interface).
    /// </summary>
    /// <typeparam name="T">The type dependants ask for; the provided value must be assignable to it.</typeparam>
    /// <typeparam name="TDependency">The class with the enter and exit steps.</typeparam>
    /// <param name="configure">Optional per-registration options.</param>
    /// <returns>This registry, for chaining.</returns>
    /// <exception cref="DependencyRegistrationException">The class does not implement exactly one <see cref="IDependency{T}"/>, has no public constructor, or provides a value that is not a <typeparamref name="T"/>.</exception>
    public DependencyRegistry AddClass<T, TDependency>(Action<DependencyOptions>? configure = null)
        where TDependency : class
    {
        ThrowIfFrozen();
        Descriptors.Add(DescriptorFactory.FromClass(typeof(TDependency), Configure(configure), typeof(T)));
        return this;
    }

    /// <summary>
    /// Declares a registered dependency as global: it is set up for every function, before the function's own
    /// dependencies, whether or not anything asks for its value.
    /// </summary>
    /// <typeparam name="T">The type the dependency provides.</typeparam>
    /// <returns>This registry, for chaining.</returns>
    public DependencyRegistry AddGlobal<T>() => AddGlobal(typeof(T));

    /// <summary>
    /// Declares a registered dependency as global: it is set up for every function, before the function's own
    /// dependencies, whether or not anything asks for its value.
    /// </summary>
    /// <param name="dependencyType">The type the dependency provides.</param>
    /// <returns>This registry, for chaining.</returns>
    public DependencyRegistry AddGlobal(Type dependencyType)
    {
        ArgumentNullException.ThrowIfNull(dependencyType);
        ThrowIfFrozen();
        GlobalDependencies.Add(dependencyType);
        return this;
    }

    /// <summary>
    /// Adds a check of the app's services that runs with the validation of the registrations when the host starts:
    /// every problem it returns fails startup in the same <see cref="DependencyRegistrationException"/>. For packages
    /// whose dependencies need a service the app must register (for example a database context).
    /// </summary>
    /// <param name="check">Returns the problems found, each a sentence naming what is missing and the fix; none when all is well.</param>
    /// <returns>This registry, for chaining.</returns>
    public DependencyRegistry AddStartupCheck(Func<IServiceProviderIsService, IEnumerable<string>> check)
    {
        ArgumentNullException.ThrowIfNull(check);
        ThrowIfFrozen();
        StartupChecks.Add(check);
        return this;
    }

    /// <summary>
    /// Lets an EF Core context reach functions, their class constructors and dependencies as the plain service the app
    /// registered (<c>AddDbContext</c>, <c>AddDbContextFactory</c>), without a unit of work: for a function that only
    /// reads. Without this call, or a unit of work (<c>deps.AddDbContextUnitOfWork&lt;TContext&gt;()</c> from
    /// YieldDeps.EntityFrameworkCore), such a parameter fails host startup, since nothing would save what the function
    /// changes.
    /// </summary>
    /// <typeparam name="TContext">The context type, deriving from <c>Microsoft.EntityFrameworkCore.DbContext</c>.</typeparam>
    /// <returns>This registry, for chaining.</returns>
    /// <remarks>
    /// Nothing saves or commits for the function. When an invocation that succeeded ends with changes the context
    /// has not saved, YieldDeps logs the warning <c>UnsavedChanges</c> (event 13) naming the context and the function:
    /// a write that was meant to be saved is not lost without a word.
    /// </remarks>
    /// <exception cref="DependencyRegistrationException"><typeparamref name="TContext"/> is not an EF Core context.</exception>
    public DependencyRegistry AllowDbContextWithoutUnitOfWork<TContext>()
        where TContext : class
    {
        ThrowIfFrozen();
        var type = typeof(TContext);
        if (!DbContextTypes.IsDbContext(type))
        {
            throw new DependencyRegistrationException(
                $"AllowDbContextWithoutUnitOfWork<{TypeNames.Of(type)}>(): {type.FullName} is not an EF Core context (it does not derive from Microsoft.EntityFrameworkCore.DbContext).");
        }

        ContextsWithoutUnitOfWork.Add(type);
        return this;
    }

    /// <summary>Marks the registry as read: the catalogue was built from it, so later changes would be silently lost.</summary>
    internal void Freeze() => _frozen = true;

    private void ThrowIfFrozen()
    {
        if (_frozen)
        {
            throw new InvalidOperationException(
                "Dependencies must be registered before the host is built; to replace one at run time, use IDependencyOverrides.");
        }
    }

    private static DependencyOptions Configure(Action<DependencyOptions>? configure)
    {
        var options = new DependencyOptions();
        configure?.Invoke(options);
        return options;
    }
}
