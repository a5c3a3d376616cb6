namespace YieldDeps.EndToEnd.Tests.Load;

/// <summary>The load app's answer to <c>POST /api/gc</c>: its managed heap after a full, compacting collection, in bytes.</summary>
public sealed record LoadHeap(long HeapBytes);
