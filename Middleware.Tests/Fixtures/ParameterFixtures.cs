using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;

namespace YieldDeps.Tests.Fixtures;

public sealed class Greeting(string text)
{
    public string Text { get; } = text;
}

public sealed class Probe(string description)
{
    public string Description { get; } = description;
}

public sealed class ScopedCounter
{
    public Guid Id { get; } = Guid.NewGuid();
}

/// <summary>A dependency taking one parameter of each source: sub-dependency, context, token, outcome, request, service, simple values.</summary>
public static class ParameterDependencies
{
    public static Greeting Greet() => new("hello");

    public static Probe Describe(
        Greeting greeting,
        FunctionContext context,
        CancellationToken cancellationToken,
        InvocationOutcome outcome,
        HttpRequestData request,
        ScopedCounter scoped,
        int id,
        string? filter,
        Guid? correlation = null,
        int page = 1) =>
        new($"{greeting.Text}|{context.FunctionDefinition.Name}|{cancellationToken.CanBeCanceled}|{outcome.Status}|{request.Method}|{scoped.Id != Guid.Empty}|{id}|{filter ?? "null"}|{correlation?.ToString() ?? "null"}|{page}");
}

public sealed class ParameterFunctions
{
    public async Task<HttpResponseData> Describe([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "things/{id}")] HttpRequestData request, Probe probe)
    {
        var response = request.CreateResponse(System.Net.HttpStatusCode.OK);
        await response.WriteStringAsync(probe.Description);
        return response;
    }
}
