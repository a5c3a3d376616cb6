namespace YieldDeps.LocalHost.Worker;

/// <summary>The worker process is gone or its stream closed; no invocation can complete.</summary>
internal sealed class WorkerUnavailableException(string message) : Exception(message);
