using YieldDeps.Engine;

namespace YieldDeps.Benchmarks.Engine;

/// <summary>
/// The engine's host without the Functions worker: no context values, no services, no trigger data. The chain
/// asks for none of them, so the engine alone is measured.
/// </summary>
internal sealed class BenchmarkInvocationHost : IInvocationHost
{
    public IReadOnlyList<ContextValueSource> ContextSources { get; } = [];

    public IServiceProvider GetServices(object host) =>
        throw new InvalidOperationException("The benchmark chain asks for no services.");

    public bool Binds(System.Reflection.ParameterInfo parameter) => false;

    public ValueTask<string?> ReadHeaderAsync(object host, string name) => new((string?)null);

    public bool TryGetBindingValue(object host, string name, out object? value)
    {
        value = null;
        return false;
    }
}
