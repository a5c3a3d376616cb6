namespace YieldDeps.Functions;

/// <summary>
/// Holds the app's <see cref="DependencyRegistry"/> in the service collection, so that every
/// <c>AddYieldDependencies</c> call adds to the same one, without exposing the registry itself as a service.
/// </summary>
internal sealed class RegistrySource(DependencyRegistry registry)
{
    public DependencyRegistry Registry { get; } = registry;
}
