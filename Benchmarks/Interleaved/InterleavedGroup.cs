namespace YieldDeps.Benchmarks.Interleaved;

/// <summary>Variants compared with each other; the first is the baseline of the ratios.</summary>
internal sealed record InterleavedGroup(string Name, IReadOnlyList<(string Name, Func<ValueTask<int>> Run)> Variants);
