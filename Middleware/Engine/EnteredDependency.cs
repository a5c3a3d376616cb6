namespace YieldDeps.Engine;

/// <summary>The value a dependency provided and the state its strategy needs to exit it (null when nothing).</summary>
internal readonly record struct EnteredDependency(object? Value, object? State);
