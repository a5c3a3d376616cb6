using System.Reflection;
using BenchmarkDotNet.Attributes;
using YieldDeps.Benchmarks.Engine;
using YieldDeps.Benchmarks.Pipeline;
using YieldDeps.Testing;

namespace YieldDeps.Benchmarks;

/// <summary>
/// Whole invocations through the worker's real pipeline in-process (context, input conversion, middleware,
/// executor, output binding), as the test harness runs them. The baseline is a function without dependencies in
/// a worker without YieldDeps; the other two show what installing YieldDeps costs a function that uses no
/// dependency, and what the chain of three async-iterator dependencies adds on top.
/// </summary>
[MemoryDiagnoser]
public class PipelineBenchmarks
{
    private static readonly MethodInfo NoDependencies = typeof(PipelineFunctions).GetMethod(nameof(PipelineFunctions.NoDependencies))!;
    private static readonly MethodInfo WithDependencies = typeof(PipelineFunctions).GetMethod(nameof(PipelineFunctions.WithDependencies))!;
    private static readonly TriggerInput Message = TriggerInput.Custom("queueTrigger", "message", parameterName: "message");

    private FunctionTestHost _plainWorker = null!;
    private FunctionTestHost _yieldDepsWorker = null!;

    [GlobalSetup]
    public void Setup()
    {
        _plainWorker = FunctionTestHost.Create();
        _yieldDepsWorker = FunctionTestHost.Create(worker => worker.UseYieldDependencies(AsyncIteratorChain.Register));

        // Load the definitions and start the hosted services (startup validation) outside the measurement, and make
        // sure every benchmark measures a successful invocation.
        Check(_plainWorker, NoDependencies);
        Check(_yieldDepsWorker, NoDependencies);
        Check(_yieldDepsWorker, WithDependencies);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _plainWorker.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _yieldDepsWorker.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    [Benchmark(Baseline = true)]
    public async Task<object?> WorkerWithoutYieldDeps() => (await _plainWorker.InvokeAsync(NoDependencies, Message)).InvocationResult;

    [Benchmark]
    public async Task<object?> YieldDepsNoDependencies() => (await _yieldDepsWorker.InvokeAsync(NoDependencies, Message)).InvocationResult;

    [Benchmark]
    public async Task<object?> YieldDepsThreeDependencies() => (await _yieldDepsWorker.InvokeAsync(WithDependencies, Message)).InvocationResult;

    private static void Check(FunctionTestHost worker, MethodInfo function) =>
        worker.InvokeAsync(function, Message).GetAwaiter().GetResult().EnsureSucceeded();
}
