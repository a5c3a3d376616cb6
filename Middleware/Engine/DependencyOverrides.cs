using System.Collections.Immutable;

namespace YieldDeps.Engine;

/// <summary>
/// Run-time replacements of registered dependencies. Every change bumps <see cref="Version"/>, which makes cached
/// plans rebuild on their next invocation.
/// </summary>
internal sealed class DependencyOverrides : IDependencyOverrides
{
    private ImmutableDictionary<Type, DependencyDescriptor> _replacements = ImmutableDictionary<Type, DependencyDescriptor>.Empty;
    private int _version;

    public int Version => Volatile.Read(ref _version);

    public bool TryGet(Type key, out DependencyDescriptor descriptor) =>
        Volatile.Read(ref _replacements).TryGetValue(key, out descriptor!);

    public void Override<T>(Delegate factory, Action<DependencyOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(factory);
        Set(typeof(T), DescriptorFactory.FromDelegate(factory, typeof(T), Options(configure)));
    }

    public void OverrideClass<T, TDependency>(Action<DependencyOptions>? configure = null)
        where TDependency : class =>
        Set(typeof(T), DescriptorFactory.FromClass(typeof(TDependency), Options(configure), typeof(T)));

    public bool Remove<T>()
    {
        var removed = ImmutableInterlocked.TryRemove(ref _replacements, typeof(T), out _);
        if (removed)
        {
            Interlocked.Increment(ref _version);
        }

        return removed;
    }

    public void Clear()
    {
        Interlocked.Exchange(ref _replacements, ImmutableDictionary<Type, DependencyDescriptor>.Empty);
        Interlocked.Increment(ref _version);
    }

    private void Set(Type key, DependencyDescriptor descriptor)
    {
        ImmutableInterlocked.AddOrUpdate(ref _replacements, key, descriptor, (_, _) => descriptor);
        Interlocked.Increment(ref _version);
    }

    private static DependencyOptions Options(Action<DependencyOptions>? configure)
    {
        var options = new DependencyOptions();
        configure?.Invoke(options);
        return options;
    }
}
