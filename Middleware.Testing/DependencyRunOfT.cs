using Microsoft.Extensions.DependencyInjection;
using YieldDeps.Engine;

namespace YieldDeps.Testing;

/// <summary>A dependency set up by <see cref="DependencyRun.StartAsync{T}"/>, waiting to be finished.</summary>
/// <typeparam name="T">The type the dependency provides.</typeparam>
public sealed class DependencyRun<T> : IAsyncDisposable
{
    private readonly DependencyInvocation _invocation;
    private readonly CancellationTokenSource _token;
    private readonly AsyncServiceScope _scope;
    private readonly ServiceProvider _root;
    private DependencyRunResult? _result;

    internal DependencyRun(T value, DependencyInvocation invocation, CancellationTokenSource token, AsyncServiceScope scope, ServiceProvider root)
    {
        Value = value;
        _invocation = invocation;
        _token = token;
        _scope = scope;
        _root = root;
    }

    /// <summary>Gets the value the dependency provided (what a function would receive).</summary>
    public T Value { get; }

    /// <summary>Gets the run's outcome, the one the dependency and its sub-dependencies were given.</summary>
    public InvocationOutcome Outcome => _invocation.Outcome;

    /// <summary>Finishes the run as if the function returned: the dependencies are resumed (committed), last entered first.</summary>
    /// <param name="httpStatus">The HTTP status the function produced, if any; a <c>FailWhen</c> rule may count it as a failure.</param>
    /// <returns>What the teardown saw and did.</returns>
    public Task<DependencyRunResult> SucceedAsync(int? httpStatus = null)
    {
        _invocation.Outcome.HttpStatus = httpStatus;
        return FinishAsync(null, cancelled: false);
    }

    /// <summary>Finishes the run as if the function threw <paramref name="exception"/>: the dependencies are disposed (rolled back).</summary>
    /// <param name="exception">What the function threw.</param>
    /// <returns>What the teardown saw and did.</returns>
    public Task<DependencyRunResult> FailAsync(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return FinishAsync(exception, cancelled: false);
    }

    /// <summary>Finishes the run as if the host cancelled the invocation: its token fires and the dependencies roll back.</summary>
    /// <returns>What the teardown saw and did.</returns>
    public async Task<DependencyRunResult> CancelAsync()
    {
        await _token.CancelAsync().ConfigureAwait(false);
        return await FinishAsync(null, cancelled: true).ConfigureAwait(false);
    }

    /// <summary>Finishes an unfinished run as cancelled, then releases the run's services.</summary>
    /// <returns>A task that completes when everything is released.</returns>
    public async ValueTask DisposeAsync()
    {
        if (_result is null)
        {
            await CancelAsync().ConfigureAwait(false);
        }

        _token.Dispose();
        await _scope.DisposeAsync().ConfigureAwait(false);
        await _root.DisposeAsync().ConfigureAwait(false);
    }

    private async Task<DependencyRunResult> FinishAsync(Exception? failure, bool cancelled)
    {
        if (_result is not null)
        {
            throw new InvalidOperationException("The run was already finished: a dependency is torn down once.");
        }

        var final = await _invocation.TeardownAsync(failure, deferRequestScoped: false, cancelled).ConfigureAwait(false);
        return _result = new DependencyRunResult(_invocation.Outcome, final);
    }
}
