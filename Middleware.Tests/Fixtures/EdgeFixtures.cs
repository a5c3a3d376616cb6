using System.Net;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;

namespace YieldDeps.Tests.Fixtures;

public sealed class SlowResource;

public sealed class Rethrower;

public sealed class ExitFails;

public sealed class EarlyResource;

public sealed class LateResource;

public interface IClock
{
    DateTimeOffset Now { get; }
}

public sealed class FixedClock : IClock
{
    public DateTimeOffset Now { get; } = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);
}

public sealed class ClockDependency : IDependency<FixedClock>
{
    public ValueTask<FixedClock> EnterAsync(CancellationToken cancellationToken) => new(new FixedClock());

    public ValueTask ExitAsync(FixedClock value, Exception? exception, CancellationToken cancellationToken) => default;
}

/// <summary>A value whose serialization throws: it breaks a problem body that carries it.</summary>
public sealed class Unserializable
{
    public string Value => throw new InvalidOperationException("cannot serialize");
}

public static class EdgeDependencies
{
    /// <summary>Reads the teardown token only after its first await, then waits for it to fire.</summary>
    public static async IAsyncEnumerable<SlowResource> SlowTeardown(Journal journal, InvocationOutcome outcome)
    {
        await Task.Yield();
        try
        {
            yield return new SlowResource();
        }
        finally
        {
            await Task.Yield();
            var token = outcome.TeardownToken;
            journal.Add("teardown token read");
            try
            {
                await Task.Delay(Timeout.Infinite, token);
            }
            catch (OperationCanceledException)
            {
                journal.Add("teardown token fired");
            }
        }
    }

    /// <summary>A teardown that rethrows the exception in flight, as a careless catch-and-throw would.</summary>
    public static async IAsyncEnumerable<Rethrower> Rethrow(InvocationOutcome outcome)
    {
        await Task.Yield();
        try
        {
            yield return new Rethrower();
        }
        finally
        {
            if (outcome.Exception is { } inFlight)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(inFlight);
            }
        }
    }

    public static EarlyResource Early(FunctionContext context, Journal journal)
    {
        journal.Add($"late visible during early setup={context.TryGetDependency<LateResource>(out _)}");
        return new EarlyResource();
    }

    public static LateResource Late() => new();
}

/// <summary>A class-style dependency whose exit throws; its value asks to be disposed all the same.</summary>
public sealed class ExitFailsDependency(HandleHolder holder) : IDependency<Handle>
{
    public ValueTask<Handle> EnterAsync(CancellationToken cancellationToken) => new(holder.Handle = new Handle());

    public ValueTask ExitAsync(Handle value, Exception? exception, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("exit failed");
}

public sealed class EdgeFunctions(Journal journal, Faults faults)
{
    public void Slow([QueueTrigger("edge")] string message, SlowResource resource) => journal.Add("body");

    public void Rethrown([QueueTrigger("edge")] string message, Rethrower rethrower)
    {
        if (faults.BodyFails)
        {
            throw new BodyFailedException();
        }
    }

    public void UsesHandle([QueueTrigger("edge")] string message, Handle handle) => journal.Add("body");

    public void Ordered([QueueTrigger("edge")] string message, EarlyResource early, LateResource late) => journal.Add("body");

    public void Clock([QueueTrigger("edge")] string message, IClock clock) => journal.Add($"clock {clock.Now:yyyy-MM-dd}");

    public void Watches([QueueTrigger("edge")] string message, Watched watched) => journal.Add("body");

    public HttpResponseData Unserializable([HttpTrigger(AuthorizationLevel.Anonymous, "get")] HttpRequestData request) =>
        throw new HttpProblemException(418, "teapot") { Extensions = { ["broken"] = new Unserializable() } };

    public async Task<MultiResponse> Unavailable([HttpTrigger(AuthorizationLevel.Anonymous, "post")] HttpRequestData request, Watched watched)
    {
        var response = request.CreateResponse(HttpStatusCode.ServiceUnavailable);
        await response.WriteStringAsync("busy");
        return new MultiResponse { Message = "should not be sent", HttpResponse = response };
    }

    public HttpResponseData Http([HttpTrigger(AuthorizationLevel.Anonymous, "get")] HttpRequestData request, B b) =>
        request.CreateResponse(HttpStatusCode.OK);
}
