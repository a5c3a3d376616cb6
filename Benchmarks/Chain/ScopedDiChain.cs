using Microsoft.Extensions.DependencyInjection;

namespace YieldDeps.Benchmarks.Chain;

/// <summary>
/// The chain as scoped services of Microsoft.Extensions.DependencyInjection: a scope per invocation, C resolved
/// from it (which creates B and A), the scope disposed afterwards. DI has no notion of success, so nothing commits;
/// it is the reference for "what a container costs", not a drop-in for yield dependencies.
/// </summary>
public sealed class ScopedDiChain : IAsyncDisposable
{
    private readonly ServiceProvider _provider = new ServiceCollection()
        .AddScoped<A>()
        .AddScoped<B>()
        .AddScoped<C>()
        .BuildServiceProvider();

    public async ValueTask<int> RunAsync(Func<C, int> body)
    {
        await using var scope = _provider.CreateAsyncScope();
        return body(scope.ServiceProvider.GetRequiredService<C>());
    }

    public ValueTask DisposeAsync() => _provider.DisposeAsync();
}
