namespace YieldDeps.LocalHost.Invocations;

/// <summary>How a non-HTTP invocation ended: each attempt in order, and the poison message when a queue message ran out of attempts.</summary>
internal sealed record NonHttpRun(IReadOnlyList<InvocationReply> Attempts, PoisonMessage? Poisoned);
