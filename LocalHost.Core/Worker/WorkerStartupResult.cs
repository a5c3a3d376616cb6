using YieldDeps.LocalHost.Functions;

namespace YieldDeps.LocalHost.Worker;

/// <summary>What the handshake produced: the worker's capabilities and the functions it loaded.</summary>
internal sealed record WorkerStartupResult(IReadOnlyDictionary<string, string> Capabilities, IReadOnlyList<FunctionDescriptor> Functions);
