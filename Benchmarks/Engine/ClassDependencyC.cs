using YieldDeps.Benchmarks.Chain;

namespace YieldDeps.Benchmarks.Engine;

/// <summary>C as a class-style dependency; its constructor takes B, resolved as a sub-dependency.</summary>
public sealed class ClassDependencyC(B b) : IDependency<C>
{
    public ValueTask<C> EnterAsync(CancellationToken cancellationToken) => new(new C(b));

    public ValueTask ExitAsync(C value, Exception? exception, CancellationToken cancellationToken)
    {
        if (exception is null)
        {
            value.Commit();
        }

        return value.DisposeAsync();
    }
}
