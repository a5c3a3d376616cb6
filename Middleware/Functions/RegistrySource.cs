namespace YieldDeps.Functions;

/// <summary>
/// Holds the app's <see cref="DependencyRegistry"/> and <see cref="PipelineSetup"/> in the service collection, so that
/// every <c>AddYieldDependencies</c> call adds to the same ones, without exposing the registry itself as a service.
/// </summary>
internal sealed class RegistrySource(DependencyRegistry registry, PipelineSetup setup)
{
    public DependencyRegistry Registry { get; } = registry;

    public PipelineSetup Setup { get; } = setup;
}
