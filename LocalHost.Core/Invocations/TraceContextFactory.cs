using System.Diagnostics;
using YieldDeps.LocalHost.Rpc;

namespace YieldDeps.LocalHost.Invocations;

/// <summary>Builds the trace context every InvocationRequest must carry (the worker reads it unconditionally).</summary>
internal static class TraceContextFactory
{
    public static RpcTraceContext Create(string? incomingTraceParent = null)
    {
        var traceId = ActivityTraceId.CreateRandom();
        if (incomingTraceParent is not null
            && ActivityContext.TryParse(incomingTraceParent, null, out var incoming))
        {
            traceId = incoming.TraceId;
        }

        return new RpcTraceContext
        {
            TraceParent = $"00-{traceId.ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-01",
        };
    }
}
