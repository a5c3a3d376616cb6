using Microsoft.Azure.Functions.Worker;

namespace YieldDeps.Tests.Support;

/// <summary>A W3C trace context such as the host sends with every invocation request.</summary>
internal sealed class HarnessTraceContext(string traceParent, string traceState) : TraceContext
{
    public override string TraceParent { get; } = traceParent;

    public override string TraceState { get; } = traceState;

    public static HarnessTraceContext CreateNew() =>
        new($"00-{Guid.NewGuid():N}-{Guid.NewGuid().ToString("N")[..16]}-01", string.Empty);
}
