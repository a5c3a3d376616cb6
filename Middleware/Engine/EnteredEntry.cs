namespace YieldDeps.Engine;

/// <summary>A dependency that was entered and must be torn down: what the teardown stack holds.</summary>
internal readonly record struct EnteredEntry(int Slot, DependencyDescriptor Descriptor, object? Value, DependencyTeardown? Teardown);
