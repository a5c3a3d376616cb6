using BenchmarkDotNet.Attributes;
using YieldDeps.Benchmarks.Engine;
using YieldDeps.Benchmarks.Overhead;
using YieldDeps.Engine;

namespace YieldDeps.Benchmarks;

/// <summary>
/// What the first invocation of a function pays once: building its plan from the registrations (the catalog is
/// built at startup, outside the measurement).
/// </summary>
[MemoryDiagnoser]
[IterationTime(100)]
public class PlanBuilding
{
    private DependencyCatalog _catalog = null!;

    [Params(1, 5, 20)]
    public int Dependencies { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var registry = new DependencyRegistry();
        AsyncLinks.Register(registry, Dependencies);
        _catalog = new DependencyCatalog(registry, new DependencyOverrides(), new BenchmarkInvocationHost(), services: null);
    }

    [Benchmark]
    public object BuildPlan() => OverheadEngine.BuildPlan(_catalog, Dependencies);
}
