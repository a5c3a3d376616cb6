namespace YieldDeps.Benchmarks.Chain;

/// <summary>What the body throws on the failure path, so the benchmarks catch only that.</summary>
public sealed class BodyFailedException(bool resourceOpen)
    : Exception(resourceOpen ? "The body failed with its resources open." : "The body failed.");
