using YieldDeps.Generated;

namespace YieldDeps.Engine;

/// <summary>A plain dependency: the factory's value (awaited when it is a task); no teardown of its own.</summary>
internal sealed class PlainStrategy<T> : DependencyStrategy
{
    public override bool HasExit => false;

    public override ValueTask<EnteredDependency> EnterAsync(DependencyDescriptor descriptor, object? created, CancellationToken cancellationToken) =>
        created switch
        {
            Task<T> task => DependencySteps.Await(task),
            ValueTask<T> valueTask => DependencySteps.Await(valueTask),
            _ => new(new EnteredDependency(created, null)),
        };
}
