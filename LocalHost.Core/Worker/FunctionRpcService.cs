using Grpc.Core;
using YieldDeps.LocalHost.Rpc;

namespace YieldDeps.LocalHost.Worker;

/// <summary>The gRPC service the worker connects to; it hands the stream to the shared connection.</summary>
internal sealed class FunctionRpcService(WorkerConnection connection) : FunctionRpc.FunctionRpcBase
{
    public override Task EventStream(
        IAsyncStreamReader<StreamingMessage> requestStream,
        IServerStreamWriter<StreamingMessage> responseStream,
        ServerCallContext context) =>
        connection.RunStreamAsync(requestStream, responseStream, context.CancellationToken);
}
