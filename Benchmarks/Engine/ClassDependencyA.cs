using YieldDeps.Benchmarks.Chain;

namespace YieldDeps.Benchmarks.Engine;

/// <summary>A as a class-style dependency: enter opens it, exit commits on success and closes always.</summary>
public sealed class ClassDependencyA : IDependency<A>
{
    public ValueTask<A> EnterAsync(CancellationToken cancellationToken) => new(new A());

    public ValueTask ExitAsync(A value, Exception? exception, CancellationToken cancellationToken)
    {
        if (exception is null)
        {
            value.Commit();
        }

        return value.DisposeAsync();
    }
}
