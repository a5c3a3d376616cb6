namespace YieldDeps.Engine;

/// <summary>A plain dependency: the factory's value (awaited when it is a task); no teardown of its own.</summary>
internal sealed class PlainStrategy<T> : DependencyStrategy
{
    public override bool HasExit => false;

    public override ValueTask<EnteredDependency> EnterAsync(DependencyDescriptor descriptor, object? created, CancellationToken cancellationToken) =>
        created switch
        {
            Task<T> task => AwaitTask(task),
            ValueTask<T> valueTask => AwaitValueTask(valueTask),
            _ => new(new EnteredDependency(created, null)),
        };

    private static async ValueTask<EnteredDependency> AwaitTask(Task<T> task) =>
        new(await task.ConfigureAwait(false), null);

    private static async ValueTask<EnteredDependency> AwaitValueTask(ValueTask<T> task) =>
        new(await task.ConfigureAwait(false), null);
}
