using BenchmarkDotNet.Attributes;
using YieldDeps.Benchmarks.Chain;
using YieldDeps.Benchmarks.Engine;

namespace YieldDeps.Benchmarks;

/// <summary>
/// One failed invocation over the chain: the body throws, every resource rolls back (closes without committing)
/// in reverse order, and the caller gets the body's exception. Throwing dominates here, so this class has its own
/// hand-written baseline.
/// </summary>
[MemoryDiagnoser]
public class FailurePathBenchmarks
{
    private EngineChain _asyncIterators = null!;

    [GlobalSetup]
    public void Setup() => _asyncIterators = new EngineChain(AsyncIteratorChain.Register);

    [Benchmark(Baseline = true)]
    public async Task<int> HandWritten()
    {
        try
        {
            return await HandWrittenChain.RunAsync(Body.Fail);
        }
        catch (BodyFailedException)
        {
            return -1;
        }
    }

    [Benchmark]
    public async Task<int> YieldDepsEngine()
    {
        try
        {
            return await _asyncIterators.RunAsync(Body.Fail);
        }
        catch (BodyFailedException)
        {
            return -1;
        }
    }
}
