using Microsoft.Extensions.DependencyInjection;
using YieldDeps.Benchmarks.Chain;

namespace YieldDeps.Benchmarks.Overhead;

/// <summary>
/// Every way of running one invocation over a chain of the given length, shared by the BenchmarkDotNet class and the
/// interleaved runner so both measure the same code. A failing body's exception is caught by the caller.
/// </summary>
internal sealed class OverheadVariants : IAsyncDisposable
{
    private readonly Func<Resource, int> _body;
    private readonly Func<Func<Resource, int>, ValueTask<int>> _handDriven;
    private readonly Func<Func<Resource, int>, ValueTask<int>> _handWritten;
    private readonly ServiceProvider _services;
    private readonly Type _last;
    private readonly OverheadEngine _asyncIterators;
    private readonly OverheadEngine _asyncIteratorsRuntime;
    private readonly OverheadEngine _syncIterators;
    private readonly OverheadEngine _classes;

    public OverheadVariants(int length, bool fails)
    {
        _body = fails ? OverheadBody.Fail : OverheadBody.Run;
        _handDriven = length switch
        {
            1 => Overhead.HandDrivenIterators.Run1,
            3 => Overhead.HandDrivenIterators.Run3,
            5 => Overhead.HandDrivenIterators.Run5,
            20 => Overhead.HandDrivenIterators.Run20,
            _ => throw new ArgumentOutOfRangeException(nameof(length)),
        };
        _handWritten = length switch
        {
            1 => HandWrittenLinks.Run1,
            3 => HandWrittenLinks.Run3,
            5 => HandWrittenLinks.Run5,
            20 => HandWrittenLinks.Run20,
            _ => throw new ArgumentOutOfRangeException(nameof(length)),
        };
        _services = ScopedLinks.Build(length);
        _last = ScopedLinks.Last(length);
        _asyncIterators = new OverheadEngine(AsyncLinks.Register, length);
        _asyncIteratorsRuntime = new OverheadEngine(AsyncLinks.Register, length, generated: false);
        _syncIterators = new OverheadEngine(SyncLinks.Register, length);
        _classes = new OverheadEngine(ClassLinks.Register, length);
    }

    public ValueTask<int> HandDrivenIterators() => Catch(_handDriven(_body));

    public ValueTask<int> HandWritten() => Catch(_handWritten(_body));

    public ValueTask<int> ScopedServices() => Catch(RunScopedAsync());

    public ValueTask<int> YieldDeps() => Catch(_asyncIterators.RunAsync(_body));

    /// <summary>The same chain as <see cref="YieldDeps"/> on the run-time engine (generated code turned off).</summary>
    public ValueTask<int> YieldDepsRuntime() => Catch(_asyncIteratorsRuntime.RunAsync(_body));

    public ValueTask<int> YieldDepsSync() => Catch(_syncIterators.RunAsync(_body));

    public ValueTask<int> YieldDepsClasses() => Catch(_classes.RunAsync(_body));

    /// <summary>The variants by name, the baseline first.</summary>
    public IReadOnlyList<(string Name, Func<ValueTask<int>> Run)> All =>
    [
        (nameof(HandDrivenIterators), HandDrivenIterators),
        (nameof(HandWritten), HandWritten),
        (nameof(ScopedServices), ScopedServices),
        (nameof(YieldDeps), YieldDeps),
        (nameof(YieldDepsRuntime), YieldDepsRuntime),
        (nameof(YieldDepsSync), YieldDepsSync),
        (nameof(YieldDepsClasses), YieldDepsClasses),
    ];

    public ValueTask DisposeAsync() => _services.DisposeAsync();

    private async ValueTask<int> RunScopedAsync()
    {
        await using var scope = _services.CreateAsyncScope();
        return _body((Resource)scope.ServiceProvider.GetRequiredService(_last));
    }

    private static async ValueTask<int> Catch(ValueTask<int> run)
    {
        try
        {
            return await run.ConfigureAwait(false);
        }
        catch (BodyFailedException)
        {
            return -1;
        }
    }
}
