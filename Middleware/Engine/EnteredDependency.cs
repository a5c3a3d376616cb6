namespace YieldDeps.Engine;

/// <summary>The value a dependency provided and what to run to tear it down (null when nothing).</summary>
internal readonly record struct EnteredDependency(object? Value, DependencyTeardown? Teardown);
