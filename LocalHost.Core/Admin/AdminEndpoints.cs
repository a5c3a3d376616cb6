using Microsoft.AspNetCore.WebUtilities;
using System.Text.Json;
using YieldDeps.LocalHost.Functions;
using YieldDeps.LocalHost.Http;
using YieldDeps.LocalHost.Invocations;
using YieldDeps.LocalHost.Worker;

namespace YieldDeps.LocalHost.Admin;

/// <summary>
/// The small admin API (see README.md): invoke non-HTTP functions as Core Tools does, and observe
/// their outcomes without parsing logs.
/// </summary>
internal static class AdminEndpoints
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static void Map(
        IEndpointRouteBuilder endpoints,
        IReadOnlyList<FunctionDescriptor> functions,
        string routePrefix,
        NonHttpInvoker invoker,
        InvocationJournal journal,
        QueueNames queueNames,
        WorkerConnection connection)
    {
        endpoints.MapGet("/admin/host/status", context => context.Response.WriteAsJsonAsync(
            new { state = "Running", pendingInvocations = connection.PendingInvocationCount }, Json));

        endpoints.MapGet("/admin/functions", context => context.Response.WriteAsJsonAsync(
            functions.Select(function => new
            {
                name = function.Name,
                trigger = function.Trigger?.Type,
                route = function.IsHttp ? HttpFunctionRoutes.Template(function, routePrefix) : null,
                methods = function.IsHttp ? HttpFunctionRoutes.Methods(function) : null,
            }),
            Json));

        endpoints.MapPost("/admin/functions/{name}", context => InvokeAsync(context, functions, invoker));

        endpoints.MapGet("/admin/invocations", context =>
        {
            var function = context.Request.Query["function"].FirstOrDefault();
            return context.Response.WriteAsJsonAsync(journal.Invocations(function), Json);
        });

        // A trigger queue's name stands for its poison queue: "orders" lists what went to "orders-poison".
        endpoints.MapGet("/admin/poison/{queue}", context =>
        {
            var queue = (string)context.Request.RouteValues["queue"]!;
            if (queueNames.FindPoisonQueue(queue) is { } poisonQueue)
            {
                return context.Response.WriteAsJsonAsync(journal.Poisoned(poisonQueue), Json);
            }

            var known = queueNames.PoisonQueues();
            return Problem(context, StatusCodes.Status404NotFound, known.Count == 0
                ? $"No queue-triggered function reads '{queue}': this app has no queue-triggered functions, so no poison queues."
                : $"No queue-triggered function reads '{queue}' or has it as its poison queue. Poison queues: {string.Join(", ", known)}.");
        });
    }

    private static async Task InvokeAsync(HttpContext context, IReadOnlyList<FunctionDescriptor> functions, NonHttpInvoker invoker)
    {
        var name = (string)context.Request.RouteValues["name"]!;
        var function = functions.FirstOrDefault(candidate => string.Equals(candidate.Name, name, StringComparison.OrdinalIgnoreCase));
        if (function is null)
        {
            await Problem(context, StatusCodes.Status404NotFound, $"No function named '{name}'.");
            return;
        }

        if (function.IsHttp || function.Trigger is null)
        {
            await Problem(context, StatusCodes.Status400BadRequest, $"'{function.Name}' is HTTP-triggered (or has no trigger); call its route instead.");
            return;
        }

        string? input = null;
        if (context.Request.ContentLength is not 0)
        {
            try
            {
                using var document = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
                if (!NonHttpInvoker.TryReadInput(document.RootElement, out input))
                {
                    await Problem(context, StatusCodes.Status400BadRequest, "The body must be a JSON object such as {\"input\": \"...\"}.");
                    return;
                }
            }
            catch (JsonException exception)
            {
                await Problem(context, StatusCodes.Status400BadRequest, $"The body is not valid JSON: {exception.Message}");
                return;
            }
        }

        invoker.Start(function, input);
        context.Response.StatusCode = StatusCodes.Status202Accepted;
    }

    private static Task Problem(HttpContext context, int status, string detail)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(
            new { title = ReasonPhrases.GetReasonPhrase(status), status, detail }, Json, "application/problem+json");
    }
}
