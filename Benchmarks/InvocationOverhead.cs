using BenchmarkDotNet.Attributes;
using YieldDeps.Benchmarks.Overhead;

namespace YieldDeps.Benchmarks;

/// <summary>
/// One invocation over a chain of <see cref="Dependencies"/> resources, each depending on the previous one, no I/O:
/// the engine against the same async iterators driven by hand (the baseline: the limit for iterator dependencies),
/// nested try/finally (the floor), and scoped services of Microsoft.Extensions.DependencyInjection (what users do
/// instead). With <see cref="Fails"/> the body throws and the caller catches it.
/// </summary>
[MemoryDiagnoser]
[IterationTime(100)]
public class InvocationOverhead
{
    private OverheadVariants _variants = null!;

    [Params(1, 3, 5, 20)]
    public int Dependencies { get; set; }

    [Params(false, true)]
    public bool Fails { get; set; }

    [GlobalSetup]
    public void Setup() => _variants = new OverheadVariants(Dependencies, Fails);

    [GlobalCleanup]
    public void Cleanup() => _variants.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark(Baseline = true)]
    public ValueTask<int> HandDrivenIterators() => _variants.HandDrivenIterators();

    [Benchmark]
    public ValueTask<int> HandWritten() => _variants.HandWritten();

    [Benchmark]
    public ValueTask<int> ScopedServices() => _variants.ScopedServices();

    [Benchmark]
    public ValueTask<int> YieldDeps() => _variants.YieldDeps();

    [Benchmark]
    public ValueTask<int> YieldDepsRuntime() => _variants.YieldDepsRuntime();

    [Benchmark]
    public ValueTask<int> YieldDepsSync() => _variants.YieldDepsSync();

    [Benchmark]
    public ValueTask<int> YieldDepsClasses() => _variants.YieldDepsClasses();
}
