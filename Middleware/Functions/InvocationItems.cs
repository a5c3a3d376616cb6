using Microsoft.Azure.Functions.Worker;
using YieldDeps.Engine;

namespace YieldDeps.Functions;

/// <summary>Where the invocation's dependencies live between the middleware, the converter and the activator: <see cref="FunctionContext.Items"/>.</summary>
internal static class InvocationItems
{
    private static readonly object Key = new();

    public static void Set(FunctionContext context, DependencyInvocation invocation) => context.Items[Key] = invocation;

    public static void Remove(FunctionContext context) => context.Items.Remove(Key);

    public static DependencyInvocation? Get(FunctionContext context) =>
        context.Items is { } items && items.TryGetValue(Key, out var value) ? value as DependencyInvocation : null;
}
