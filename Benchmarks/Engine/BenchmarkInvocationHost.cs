using YieldDeps.Engine;

namespace YieldDeps.Benchmarks.Engine;

/// <summary>
/// The engine's host without the Functions worker, and every invocation's view of it: no context values, no
/// services, no trigger data. The chain asks for none of them, so the engine alone is measured.
/// </summary>
internal sealed class BenchmarkInvocationHost : IInvocationHost, IInvocationContext
{
    public IReadOnlyList<ContextValueSource> ContextSources { get; } = [];

    public IServiceProvider Services =>
        throw new InvalidOperationException("The benchmark chain asks for no services.");

    public bool Binds(System.Reflection.ParameterInfo parameter) => false;

    public ValueTask<string?> ReadHeaderAsync(string name) => new((string?)null);

    public bool TryGetBindingValue(string name, out object? value)
    {
        value = null;
        return false;
    }

    public ValueTask<object?> ReadAsync(ContextValueSource source) =>
        throw new InvalidOperationException("The benchmark chain asks for no context values.");
}
