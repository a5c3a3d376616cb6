namespace YieldDeps.Tests.HarnessTests;

/// <summary>A scoped service that notes when its invocation scope disposes it.</summary>
public sealed class ScopedDependency : IDisposable
{
    public Guid Id { get; } = Guid.NewGuid();

    public bool Disposed { get; private set; }

    public void Dispose() => Disposed = true;
}
