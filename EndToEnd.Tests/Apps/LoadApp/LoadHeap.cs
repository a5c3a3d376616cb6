namespace LoadApp;

/// <summary>The size of the worker's managed heap after a full, compacting collection, in bytes.</summary>
public sealed record LoadHeap(long HeapBytes);
