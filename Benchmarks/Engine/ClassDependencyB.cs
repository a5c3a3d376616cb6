using YieldDeps.Benchmarks.Chain;

namespace YieldDeps.Benchmarks.Engine;

/// <summary>B as a class-style dependency; its constructor takes A, resolved as a sub-dependency.</summary>
public sealed class ClassDependencyB(A a) : IDependency<B>
{
    public ValueTask<B> EnterAsync(CancellationToken cancellationToken) => new(new B(a));

    public ValueTask ExitAsync(B value, Exception? exception, CancellationToken cancellationToken)
    {
        if (exception is null)
        {
            value.Commit();
        }

        return value.DisposeAsync();
    }
}
