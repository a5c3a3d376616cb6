using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Hosting;
using YieldDeps.Benchmarks.Overhead;
using YieldDeps.Testing;

namespace YieldDeps.Benchmarks.Pipeline;

/// <summary>
/// Whole invocations through the worker's real pipeline in-process, in workers with and without YieldDeps and with a
/// hand-written unit-of-work middleware, shared by the BenchmarkDotNet class and the interleaved runner.
/// </summary>
internal sealed class PipelineVariants : IAsyncDisposable
{
    private static readonly TriggerInput Message = TriggerInput.Custom("queueTrigger", "message", parameterName: "message");
    private static readonly TriggerInput PingRequest = TriggerInput.Http("GET", "http://localhost/api/ping");

    private readonly FunctionTestHost _bare = FunctionTestHost.Create();
    private readonly FunctionTestHost _yieldDeps = FunctionTestHost.Create(worker => worker.UseYieldDependencies(deps => AsyncLinks.Register(deps, 5)));
    private readonly FunctionTestHost _yieldDepsRuntime = FunctionTestHost.Create(worker => worker.UseYieldDependencies(deps =>
    {
        deps.UseGeneratedCode = false;
        AsyncLinks.Register(deps, 5);
    }));

    private readonly FunctionTestHost _unitOfWork3 = FunctionTestHost.Create(worker => worker.UseMiddleware<UnitOfWork3>());
    private readonly FunctionTestHost _unitOfWork5 = FunctionTestHost.Create(worker => worker.UseMiddleware<UnitOfWork5>());

    public PipelineVariants()
    {
        // Load the definitions, start the hosted services (startup validation) and build the plans outside the
        // measurement, and make sure every variant measures a successful invocation.
        foreach (var (_, variants) in Groups)
        {
            foreach (var (_, run) in variants)
            {
                run().AsTask().GetAwaiter().GetResult();
            }
        }
    }

    /// <summary>The comparisons, each with its baseline first.</summary>
    public IReadOnlyList<(string Group, IReadOnlyList<(string Name, Func<ValueTask<int>> Run)> Variants)> Groups =>
    [
        ("no dependencies, queue", [("BareWorker", () => Run(_bare, nameof(OverheadPipelineFunctions.Bare), Message)), ("YieldDepsInstalled", () => Run(_yieldDeps, nameof(OverheadPipelineFunctions.Bare), Message))]),
        ("no dependencies, HTTP", [("BareWorker", () => Run(_bare, nameof(OverheadPipelineFunctions.Ping), PingRequest)), ("YieldDepsInstalled", () => Run(_yieldDeps, nameof(OverheadPipelineFunctions.Ping), PingRequest))]),
        ("3 dependencies", [("BareWorker", () => Run(_bare, nameof(OverheadPipelineFunctions.Bare), Message)), ("UnitOfWork", () => Run(_unitOfWork3, nameof(OverheadPipelineFunctions.FromUnitOfWork), Message)), ("YieldDeps", () => Run(_yieldDeps, nameof(OverheadPipelineFunctions.WithThree), Message)), ("YieldDepsRuntime", () => Run(_yieldDepsRuntime, nameof(OverheadPipelineFunctions.WithThree), Message))]),
        ("5 dependencies", [("BareWorker", () => Run(_bare, nameof(OverheadPipelineFunctions.Bare), Message)), ("UnitOfWork", () => Run(_unitOfWork5, nameof(OverheadPipelineFunctions.FromUnitOfWork), Message)), ("YieldDeps", () => Run(_yieldDeps, nameof(OverheadPipelineFunctions.WithFive), Message)), ("YieldDepsRuntime", () => Run(_yieldDepsRuntime, nameof(OverheadPipelineFunctions.WithFive), Message))]),
    ];

    public async ValueTask DisposeAsync()
    {
        await _bare.DisposeAsync();
        await _yieldDeps.DisposeAsync();
        await _yieldDepsRuntime.DisposeAsync();
        await _unitOfWork3.DisposeAsync();
        await _unitOfWork5.DisposeAsync();
    }

    private static readonly Dictionary<string, MethodInfo> Methods = typeof(OverheadPipelineFunctions)
        .GetMethods(BindingFlags.Public | BindingFlags.Static)
        .ToDictionary(m => m.Name);

    private static async ValueTask<int> Run(FunctionTestHost worker, string function, TriggerInput trigger)
    {
        var result = await worker.InvokeAsync(Methods[function], trigger).ConfigureAwait(false);
        result.EnsureSucceeded();
        return 1;
    }
}
