using System.Reflection;
using YieldDeps.Engine;

namespace YieldDeps.Testing;

/// <summary>The engine's host for a dependency run: the test's services, values, headers and context values.</summary>
internal sealed class TestInvocationHost(DependencyRunOptions options, IServiceProvider services) : IInvocationHost
{
    public IReadOnlyList<ContextValueSource> ContextSources { get; } = options.ContextValues
        .Select(pair => new ContextValueSource(type => type == pair.Key, _ => new ValueTask<object?>(pair.Value)))
        .ToList();

    public IServiceProvider GetServices(object host) => services;

    public bool Binds(ParameterInfo parameter) => false;

    public bool TryGetBindingValue(object host, string name, out object? value) => options.Values.TryGetValue(name, out value);

    public ValueTask<string?> ReadHeaderAsync(object host, string name) =>
        new(options.Headers.TryGetValue(name, out var value) ? value : null);
}
