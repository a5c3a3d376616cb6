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
    private readonly object _writeLock = new();

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
        bool removed;
        lock (_writeLock)
        {
            removed = ImmutableInterlocked.TryRemove(ref _replacements, typeof(T), out _);
        }

        if (removed)
        {
            Interlocked.Increment(ref _version);
        }

        return removed;
    }

    public void Clear()
    {
        lock (_writeLock)
        {
            Interlocked.Exchange(ref _replacements, ImmutableDictionary<Type, DependencyDescriptor>.Empty);
        }

        Interlocked.Increment(ref _version);
    }

    /// <summary>
    /// Gets or sets the check a replacement must pass before it is used (set by the catalogue): its parameters must
    /// resolve, with the messages startup gives, so that a broken override fails where it is set, not on a call.
    /// </summary>
    internal Action<Type>? Validate { get; set; }

    private void Set(Type key, DependencyDescriptor descriptor)
    {
        lock (_writeLock)
        {
            var before = _replacements;
            Volatile.Write(ref _replacements, before.SetItem(key, descriptor));
            try
            {
                Validate?.Invoke(key);
            }
            catch
            {
                // Cached plans never saw it: the version has not moved.
                Volatile.Write(ref _replacements, before);
                throw;
            }

            Interlocked.Increment(ref _version);
        }
    }

    private static DependencyOptions Options(Action<DependencyOptions>? configure)
    {
        var options = new DependencyOptions();
        configure?.Invoke(options);
        return options;
    }
}
