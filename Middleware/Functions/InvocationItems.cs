using Microsoft.Azure.Functions.Worker;

namespace YieldDeps.Functions;

/// <summary>
/// Where an invocation's dependencies live between the middleware, the converter, the activator and the
/// request-scope finisher: one entry of <see cref="FunctionContext.Items"/>, a <see cref="FunctionInvocation"/>.
/// </summary>
internal static class InvocationItems
{
    private static readonly object Key = new();

    public static void Set(FunctionContext context, FunctionInvocation invocation) => context.Items[Key] = invocation;

    public static void Remove(FunctionContext context) => context.Items.Remove(Key);

    public static FunctionInvocation? Get(FunctionContext context) =>
        context.Items is { } items && items.TryGetValue(Key, out var value) ? value as FunctionInvocation : null;
}
