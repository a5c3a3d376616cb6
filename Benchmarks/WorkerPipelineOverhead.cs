using BenchmarkDotNet.Attributes;
using YieldDeps.Benchmarks.Pipeline;

namespace YieldDeps.Benchmarks;

/// <summary>
/// Whole invocations through the worker's real pipeline in-process: a bare worker (the baseline), a hand-written
/// unit-of-work middleware opening 3 or 5 resources, YieldDeps with 3 or 5 async-iterator dependencies, and what
/// installing YieldDeps costs functions without dependencies (queue and HTTP).
/// </summary>
[MemoryDiagnoser]
[IterationTime(100)]
public class WorkerPipelineOverhead
{
    private PipelineVariants _variants = null!;
    private Func<ValueTask<int>> _bareQueue = null!;
    private Func<ValueTask<int>> _installedQueue = null!;
    private Func<ValueTask<int>> _bareHttp = null!;
    private Func<ValueTask<int>> _installedHttp = null!;
    private Func<ValueTask<int>> _unitOfWork3 = null!;
    private Func<ValueTask<int>> _yieldDeps3 = null!;
    private Func<ValueTask<int>> _unitOfWork5 = null!;
    private Func<ValueTask<int>> _yieldDeps5 = null!;

    [GlobalSetup]
    public void Setup()
    {
        _variants = new PipelineVariants();
        var groups = _variants.Groups;
        (_bareQueue, _installedQueue) = (groups[0].Variants[0].Run, groups[0].Variants[1].Run);
        (_bareHttp, _installedHttp) = (groups[1].Variants[0].Run, groups[1].Variants[1].Run);
        (_unitOfWork3, _yieldDeps3) = (groups[2].Variants[1].Run, groups[2].Variants[2].Run);
        (_unitOfWork5, _yieldDeps5) = (groups[3].Variants[1].Run, groups[3].Variants[2].Run);
    }

    [GlobalCleanup]
    public void Cleanup() => _variants.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark(Baseline = true)]
    public ValueTask<int> BareWorker() => _bareQueue();

    [Benchmark]
    public ValueTask<int> YieldDepsInstalledNoDependencies() => _installedQueue();

    [Benchmark]
    public ValueTask<int> BareWorkerHttp() => _bareHttp();

    [Benchmark]
    public ValueTask<int> YieldDepsInstalledHttpNoDependencies() => _installedHttp();

    [Benchmark]
    public ValueTask<int> UnitOfWorkThree() => _unitOfWork3();

    [Benchmark]
    public ValueTask<int> YieldDepsThree() => _yieldDeps3();

    [Benchmark]
    public ValueTask<int> UnitOfWorkFive() => _unitOfWork5();

    [Benchmark]
    public ValueTask<int> YieldDepsFive() => _yieldDeps5();
}
