using Microsoft.EntityFrameworkCore;

namespace YieldDeps.EntityFrameworkCore;

/// <summary>Registers the unit of work of a <see cref="DbContext"/> as a YieldDeps dependency.</summary>
public static class DbContextUnitOfWorkExtensions
{
    /// <summary>
    /// Registers a unit of work for <typeparamref name="TContext"/>: a function parameter (or a dependency's) of that
    /// type receives the context inside a transaction begun for the invocation. When the function succeeds, the unit
    /// of work saves the changes (see <see cref="DbContextUnitOfWorkOptions.SaveChanges"/>) and commits, once; when it
    /// throws, is cancelled, or a <c>FailWhen</c> rule counts its result as a failure, it rolls back.
    /// </summary>
    /// <typeparam name="TContext">The context type, registered in the app's services with <c>AddDbContext</c>, <c>AddDbContextFactory</c> or <c>AddPooledDbContextFactory</c>.</typeparam>
    /// <param name="dependencies">The app's dependency registry.</param>
    /// <param name="configure">Optional options: isolation level, whether <c>SaveChanges</c> is called, the answer to a failed save, a <c>FailWhen</c> rule.</param>
    /// <returns>The registry, for chaining.</returns>
    /// <remarks>
    /// <para>
    /// With a context factory registered, the unit of work creates its own context and disposes it at teardown;
    /// otherwise it uses the invocation scope's context. Host startup fails with a
    /// <see cref="DependencyRegistrationException"/> naming the context when neither is registered.
    /// </para>
    /// <para>
    /// With a retrying execution strategy (<c>EnableRetryOnFailure</c>), opening the connection and beginning the
    /// transaction are retried on a transient failure; the function body and the commit are not: EF Core runs them
    /// once, as inside the strategy, and a transient failure there fails the unit of work, which rolls back. Retry the
    /// whole function instead (the trigger's retry or the client's).
    /// </para>
    /// </remarks>
    public static DependencyRegistry AddDbContextUnitOfWork<TContext>(this DependencyRegistry dependencies, Action<DbContextUnitOfWorkOptions>? configure = null)
        where TContext : DbContext
    {
        ArgumentNullException.ThrowIfNull(dependencies);
        var options = new DbContextUnitOfWorkOptions();
        configure?.Invoke(options);
        var unitOfWork = new DbContextUnitOfWork<TContext>(options);
        dependencies.Add(unitOfWork.RunAsync, o =>
        {
            o.Name = options.Name ?? DefaultName(typeof(TContext));
            o.FailWhen = options.FailWhen;
        });
        dependencies.AddStartupCheck(services =>
            services.IsService(typeof(IDbContextFactory<TContext>)) || services.IsService(typeof(TContext))
                ? []
                : [$"{options.Name ?? DefaultName(typeof(TContext))} needs {typeof(TContext).FullName} in the app's services, and neither it nor a factory " +
                   $"is registered: call services.AddDbContext<{typeof(TContext).Name}>(...) or services.AddDbContextFactory<{typeof(TContext).Name}>(...)."]);
        return dependencies;
    }

    internal static string DefaultName(Type context) => $"DbContextUnitOfWork<{context.Name}>";
}
