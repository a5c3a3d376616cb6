using Microsoft.Azure.Functions.Worker;

namespace YieldDeps.Tests.Support;

/// <summary>The invocation request's identity, as the gRPC layer exposes it: a new invocation id each time, the loaded function's id.</summary>
internal sealed class HarnessFunctionInvocation(string functionId) : FunctionInvocation
{
    public override string Id { get; } = Guid.NewGuid().ToString();

    public override string FunctionId { get; } = functionId;

    public override TraceContext TraceContext { get; } = HarnessTraceContext.CreateNew();
}
