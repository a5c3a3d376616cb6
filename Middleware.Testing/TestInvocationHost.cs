using System.Reflection;
using YieldDeps.Engine;

namespace YieldDeps.Testing;

/// <summary>The engine's host for a dependency run, and the run's one invocation: the test's services, values, headers and context values.</summary>
internal sealed class TestInvocationHost : IInvocationHost, IInvocationContext
{
    private readonly DependencyRunOptions _options;
    private readonly object?[] _contextValues;

    public TestInvocationHost(DependencyRunOptions options, IServiceProvider services)
    {
        _options = options;
        Services = services;
        var pairs = options.ContextValues.ToList();
        _contextValues = pairs.Select(pair => pair.Value).ToArray();
        ContextSources = pairs.Select((pair, index) => new ContextValueSource(index, type => type == pair.Key)).ToList();
    }

    public IReadOnlyList<ContextValueSource> ContextSources { get; }

    public IServiceProvider Services { get; }

    public bool Binds(ParameterInfo parameter) => false;

    public bool TryGetBindingValue(string name, out object? value) => _options.Values.TryGetValue(name, out value);

    public ValueTask<string?> ReadHeaderAsync(string name) =>
        new(_options.Headers.TryGetValue(name, out var value) ? value : null);

    public ValueTask<object?> ReadAsync(ContextValueSource source) => new(_contextValues[source.Index]);
}
