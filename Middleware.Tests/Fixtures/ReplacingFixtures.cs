using System.Net;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;

namespace YieldDeps.Tests.Fixtures;

public sealed class WrappedFailureException(string message, Exception inner) : Exception(message, inner);

public sealed class WrappingResource;

public sealed class ConflictResource;

public sealed class AccidentResource;

public sealed class SwallowedResource;

/// <summary>Teardowns that throw while an exception is in flight: deliberately (wrapping it, or HTTP-aware) or by accident.</summary>
public static class Replacing
{
    public static async IAsyncEnumerable<WrappingResource> Wrap(InvocationOutcome outcome)
    {
        await Task.Yield();
        try
        {
            yield return new WrappingResource();
        }
        finally
        {
            if (outcome.Exception is { } inFlight)
            {
                throw new WrappedFailureException("translated", inFlight);
            }
        }
    }

    public static async IAsyncEnumerable<ConflictResource> Conflict(InvocationOutcome outcome)
    {
        await Task.Yield();
        try
        {
            yield return new ConflictResource();
        }
        finally
        {
            if (outcome.IsFailure)
            {
                throw new HttpProblemException(409, "The row changed underneath you.");
            }
        }
    }

    public static async IAsyncEnumerable<AccidentResource> Accident(InvocationOutcome outcome)
    {
        await Task.Yield();
        try
        {
            yield return new AccidentResource();
        }
        finally
        {
            if (outcome.IsFailure)
            {
                throw new InvalidOperationException("the connection is dead");
            }
        }
    }
}

/// <summary>A class-style dependency whose exit "handles" the exception; it has no way to stop it propagating.</summary>
public sealed class SwallowingDependency : IDependency<SwallowedResource>
{
    public ValueTask<SwallowedResource> EnterAsync(CancellationToken cancellationToken) => new(new SwallowedResource());

    public ValueTask ExitAsync(SwallowedResource value, Exception? exception, CancellationToken cancellationToken) => default;
}

public sealed class ReplacingFunctions(Faults faults)
{
    public void Wrapped([QueueTrigger("replace")] string message, WrappingResource resource) => Fail();

    public void Accidental([QueueTrigger("replace")] string message, AccidentResource resource) => Fail();

    public void Swallowed([QueueTrigger("replace")] string message, SwallowedResource resource) => Fail();

    public HttpResponseData Conflicted([HttpTrigger(AuthorizationLevel.Anonymous, "post")] HttpRequestData request, ConflictResource resource)
    {
        Fail();
        return request.CreateResponse(HttpStatusCode.OK);
    }

    private void Fail()
    {
        if (faults.BodyFails)
        {
            throw new BodyFailedException();
        }
    }
}

public sealed class OutcomeRecorder
{
    public InvocationOutcome? Outcome { get; set; }
}

public sealed class InvocationOutcomeHolder(InvocationOutcome outcome)
{
    public InvocationOutcome Outcome { get; } = outcome;

    public static InvocationOutcomeHolder Hold(InvocationOutcome outcome) => new(outcome);
}

public sealed class OutcomeRecordingFunctions(Faults faults, OutcomeRecorder recorder)
{
    public void Run([QueueTrigger("record")] string message, C c, InvocationOutcomeHolder holder)
    {
        recorder.Outcome = holder.Outcome;
        if (faults.BodyFails)
        {
            throw new BodyFailedException();
        }
    }
}

public sealed class PlainFunctions
{
    public static async Task FailAsync([QueueTrigger("plain")] string message)
    {
        await Task.Yield();
        throw new BodyFailedException();
    }
}

public sealed class ForwardResult
{
    [QueueOutput("forwarded")]
    public string? Forwarded { get; set; }
}

public sealed class OutputFunctions
{
    public static ForwardResult Forward([QueueTrigger("forward")] string message, C c) => new() { Forwarded = message };
}
