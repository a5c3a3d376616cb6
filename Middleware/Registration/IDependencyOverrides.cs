namespace YieldDeps;

/// <summary>
/// Replaces registered dependencies at run time, typically in tests. Resolve it from the host's services.
/// A replacement's own parameters are resolved instead of the original's, so the original's
/// sub-dependencies do not run. Invocations that already started keep what they had.
/// </summary>
public interface IDependencyOverrides
{
    /// <summary>Replaces the dependency keyed by <typeparamref name="T"/> with a method or lambda of any supported style.</summary>
    /// <typeparam name="T">The key of the registered dependency to replace.</typeparam>
    /// <param name="factory">The replacement.</param>
    /// <param name="configure">Optional options of the replacement.</param>
    void Override<T>(Delegate factory, Action<DependencyOptions>? configure = null);

    /// <summary>Replaces the dependency keyed by <typeparamref name="T"/> with a class-style dependency.</summary>
    /// <typeparam name="T">The key of the registered dependency to replace.</typeparam>
    /// <typeparam name="TDependency">The replacement class, implementing <see cref="IDependency{T}"/> for a type assignable to <typeparamref name="T"/>.</typeparam>
    /// <param name="configure">Optional options of the replacement.</param>
    void OverrideClass<T, TDependency>(Action<DependencyOptions>? configure = null)
        where TDependency : class;

    /// <summary>Removes the replacement of <typeparamref name="T"/>, restoring the registered dependency.</summary>
    /// <typeparam name="T">The key of the registered dependency.</typeparam>
    /// <returns><see langword="true"/> when a replacement was removed.</returns>
    bool Remove<T>();

    /// <summary>Removes every replacement, restoring the registered dependencies.</summary>
    void Clear();
}
