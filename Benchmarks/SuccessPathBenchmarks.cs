using BenchmarkDotNet.Attributes;
using YieldDeps.Benchmarks.Chain;
using YieldDeps.Benchmarks.Engine;

namespace YieldDeps.Benchmarks;

/// <summary>
/// One successful invocation over the chain A &lt;- B &lt;- C: set up, run the body, commit and close in reverse.
/// Ratios are against the hand-written nested try/finally of the same run.
/// </summary>
[MemoryDiagnoser]
public class SuccessPathBenchmarks
{
    private ScopedDiChain _di = null!;
    private EngineChain _asyncIterators = null!;
    private EngineChain _syncIterators = null!;
    private EngineChain _classes = null!;

    [GlobalSetup]
    public void Setup()
    {
        _di = new ScopedDiChain();
        _asyncIterators = new EngineChain(AsyncIteratorChain.Register);
        _syncIterators = new EngineChain(SyncIteratorChain.Register);
        _classes = new EngineChain(deps => deps.AddClass<ClassDependencyA>().AddClass<ClassDependencyB>().AddClass<ClassDependencyC>());
    }

    [GlobalCleanup]
    public void Cleanup() => _di.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark(Baseline = true)]
    public ValueTask<int> HandWritten() => HandWrittenChain.RunAsync(Body.Run);

    [Benchmark]
    public ValueTask<int> ScopedDi() => _di.RunAsync(Body.Run);

    [Benchmark]
    public ValueTask<int> YieldDepsEngine() => _asyncIterators.RunAsync(Body.Run);

    [Benchmark]
    public ValueTask<int> YieldDepsEngineSyncIterators() => _syncIterators.RunAsync(Body.Run);

    [Benchmark]
    public ValueTask<int> YieldDepsEngineClasses() => _classes.RunAsync(Body.Run);
}
