using System.Runtime.ExceptionServices;
using Microsoft.Extensions.DependencyInjection;
using YieldDeps.Generated;

namespace YieldDeps.Engine;

/// <summary>
/// Sets an invocation's dependencies up along its plan: resolves each one's arguments (other dependencies, services,
/// context values, bound values, headers), creates and enters it, and pushes it on the invocation's
/// <see cref="TeardownStack"/>. On failure the entered ones stay on the stack for the teardown.
/// </summary>
internal static class SetupRunner
{
    [ThreadStatic]
    private static object?[]?[]? t_argumentBuffers;

    public static ValueTask RunAsync(DependencyInvocation invocation)
    {
        if (invocation.Observed)
        {
            // Every step is timed and traced: the general path.
            return RunFromAsync(invocation, 0);
        }

        var cancellationToken = invocation.CancellationToken;
        var nodes = invocation.Plan.Nodes;
        for (var index = 0; index < nodes.Length; index++)
        {
            var node = nodes[index];
            if (!node.ResolvesSynchronously)
            {
                return RunFromAsync(invocation, index);
            }

            // Arguments that are at hand and an entry that completes without waiting: no state machine.
            ValueTask<EnteredDependency> entering;
            try
            {
                cancellationToken.ThrowIfCancellationRequested();
                entering = node.Step is { } generated
                    ? generated.EnterAsync(new DependencyArguments(invocation, node, resolved: null))
                    : node.Descriptor.Strategy.EnterAsync(node.Descriptor, CreateSynchronously(invocation, node), cancellationToken);
                if (entering.IsCompletedSuccessfully)
                {
                    invocation.Stack.Push(node, entering.Result);
                    continue;
                }
            }
            catch (Exception e)
            {
                return ValueTask.FromException(e);
            }

            return FinishAsync(invocation, entering, index);
        }

        return default;
    }

    private static async ValueTask FinishAsync(DependencyInvocation invocation, ValueTask<EnteredDependency> entering, int index)
    {
        invocation.Stack.Push(invocation.Plan.Nodes[index], await entering.ConfigureAwait(false));
        await RunFromAsync(invocation, index + 1).ConfigureAwait(false);
    }

    private static async ValueTask RunFromAsync(DependencyInvocation invocation, int start)
    {
        var cancellationToken = invocation.CancellationToken;
        var nodes = invocation.Plan.Nodes;
        for (var index = start; index < nodes.Length; index++)
        {
            var node = nodes[index];
            cancellationToken.ThrowIfCancellationRequested();
            var descriptor = node.Descriptor;
            var telemetry = invocation.Telemetry;
            var step = telemetry is null ? default : telemetry.StartSetup(invocation.Plan, descriptor);
            EnteredDependency entered;
            try
            {
                ValueTask<EnteredDependency> entering;
                if (node.Arguments.Length == 0)
                {
                    entering = node.Step is { } generated
                        ? generated.EnterAsync(new DependencyArguments(invocation, node, resolved: []))
                        : descriptor.Strategy.EnterAsync(descriptor, descriptor.Create([]), cancellationToken);
                }
                else
                {
                    // The factory reads its arguments before it runs, so one buffer per arity and thread serves every
                    // node; it is taken out while in use, so a factory that runs another invocation gets its own.
                    var arguments = RentArguments(node.Arguments.Length);
                    try
                    {
                        for (var i = 0; i < arguments.Length; i++)
                        {
                            arguments[i] = await ResolveAsync(invocation, node.Arguments[i], descriptor.Display).ConfigureAwait(false);
                        }

                        entering = node.Step is { } generated
                            ? generated.EnterAsync(new DependencyArguments(invocation, node, arguments))
                            : descriptor.Strategy.EnterAsync(descriptor, descriptor.Create(arguments), cancellationToken);
                    }
                    finally
                    {
                        ReturnArguments(arguments);
                    }
                }

                entered = await entering.ConfigureAwait(false);
            }
            catch (Exception e) when (telemetry is not null && SetupFailed(telemetry, step, descriptor, e))
            {
                // Never taken: the filter records the failure and lets the exception go on.
                throw;
            }

            telemetry?.EndSetup(step, descriptor, null);
            invocation.Stack.Push(node, entered);
        }
    }

    private static bool SetupFailed(DependencyTelemetry telemetry, in TelemetryStep step, DependencyDescriptor descriptor, Exception error)
    {
        telemetry.EndSetup(step, descriptor, ExceptionRules.Unwrap(error));
        return false;
    }

    private static object? CreateSynchronously(DependencyInvocation invocation, PlanNode node)
    {
        var descriptor = node.Descriptor;
        if (node.Arguments.Length == 0)
        {
            return descriptor.Create([]);
        }

        var stack = invocation.Stack;
        if (descriptor.CreateWithOne is { } createWithOne)
        {
            var source = node.Arguments[0];
            return createWithOne(source.Kind == ArgumentKind.Dependency ? stack[source.Slot].Value : ResolveAsync(invocation, source, descriptor.Display).Result);
        }

        var arguments = RentArguments(node.Arguments.Length);
        try
        {
            for (var i = 0; i < arguments.Length; i++)
            {
                var source = node.Arguments[i];
                arguments[i] = source.Kind == ArgumentKind.Dependency ? stack[source.Slot].Value : ResolveAsync(invocation, source, descriptor.Display).Result;
            }

            return descriptor.Create(arguments);
        }
        finally
        {
            ReturnArguments(arguments);
        }
    }

    private static object?[] RentArguments(int count)
    {
        var buffers = t_argumentBuffers;
        if (buffers is not null && count < buffers.Length && buffers[count] is { } buffer)
        {
            buffers[count] = null;
            return buffer;
        }

        return new object?[count];
    }

    private static void ReturnArguments(object?[] arguments)
    {
        Array.Clear(arguments);
        if (arguments.Length < 8)
        {
            (t_argumentBuffers ??= new object?[8][])[arguments.Length] = arguments;
        }
    }

    private static ValueTask<object?> ResolveAsync(DependencyInvocation invocation, ArgumentSource source, string owner)
    {
        switch (source.Kind)
        {
            case ArgumentKind.Dependency:
                return new(invocation.Stack[source.Slot].Value);
            case ArgumentKind.Context:
                return invocation.Context.ReadAsync(source.Context!);
            case ArgumentKind.CancellationToken:
                return new(invocation.CancellationToken);
            case ArgumentKind.Outcome:
                return new(invocation.Outcome);
            case ArgumentKind.Service:
                return new(ResolveService(invocation, source, $"dependency {owner}"));
            case ArgumentKind.SimpleValue:
                return new(ResolveSimpleValue(invocation.Context, source));
            case ArgumentKind.Header:
                return ResolveHeaderAsync(invocation.Context, source);
            default:
                return new(source.DefaultValue);
        }
    }

    /// <summary>
    /// Resolves an argument that is at hand without waiting (anything but a context value or a header, which the
    /// general path awaits before the call).
    /// </summary>
    public static object? ResolveNow(DependencyInvocation invocation, ArgumentSource source, string owner) =>
        ResolveAsync(invocation, source, owner).Result;

    /// <summary>Gets a service of the invocation scope for a dependency or constructor argument, with an error naming the parameter when it is missing.</summary>
    public static object? ResolveService(DependencyInvocation invocation, ArgumentSource source, string owner)
    {
        var services = invocation.Context.Services;
        if (source.IsOptional)
        {
            return invocation.Watch(source.Type, services.GetService(source.Type)) ?? source.DefaultValue;
        }

        try
        {
            return invocation.Watch(source.Type, services.GetRequiredService(source.Type));
        }
        catch (InvalidOperationException e)
        {
            ExceptionDispatchInfo.Throw(new InvalidOperationException(
                $"Parameter '{source.Name}' of {owner} needs service {TypeNames.Of(source.Type)}, which the invocation's services cannot provide: {e.Message}", e));
            throw;
        }
    }

    private static async ValueTask<object?> ResolveHeaderAsync(IInvocationContext context, ArgumentSource source)
    {
        var raw = await context.ReadHeaderAsync(source.Name).ConfigureAwait(false);
        if (raw is not null)
        {
            return SimpleValues.Convert(raw, source.Type, source.Name, $"header '{source.Name}'");
        }

        if (source.IsOptional)
        {
            return source.DefaultValue is DBNull ? null : source.DefaultValue;
        }

        throw new HttpProblemException(400, $"The header '{source.Name}' is required.");
    }

    private static object? ResolveSimpleValue(IInvocationContext context, ArgumentSource source)
    {
        if (context.TryGetBindingValue(source.Name, out var raw) && raw is not null)
        {
            return SimpleValues.Convert(raw, source.Type, source.Name);
        }

        if (source.IsOptional)
        {
            return source.DefaultValue is DBNull ? null : source.DefaultValue;
        }

        throw new HttpProblemException(400, $"The value '{source.Name}' is required.");
    }
}
